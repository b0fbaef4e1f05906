import { formatFiles, getProjects, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { planLocation, refuseOverwrite, type PlanSubject } from '../../draft/prepare-plan';
import { openWorkspace, type Workspace } from '../../session/open-workspace';
import { computeProjectGraph } from '../../workspace/read-workspace';
import { treeSource } from '../../workspace/tree-source';
import { normalizeOptions, type NormalizedPlanOptions } from '../../draft/plan-options';
import type { PlanGeneratorSchema } from './schema';

/**
 * `nx g @groundplan/nx:plan`: writes the offline draft through the Tree. Anything that needs the network runs
 * in the returned callback, which Nx skips on --dry-run (what Nx Console runs on every keystroke).
 */
export async function planGenerator(tree: Tree, schema: PlanGeneratorSchema): Promise<GeneratorCallback | void> {
  // Read through the Tree, so the generator sees its own pending changes (and those of one that composes it).
  const workspace = openWorkspace(tree.root, { source: treeSource(tree) });
  const options = await normalizeOptions(workspace, schema, process.stdin);
  if (process.env.NX_DRY_RUN === 'true') return dryRun(tree, workspace, options);
  return draftInTree(tree, workspace, options, schema);
}

/** Drafts the plan offline through the Tree, and returns the callback that has Claude replace it when asked. */
async function draftInTree(
  tree: Tree,
  workspace: Workspace,
  options: NormalizedPlanOptions,
  schema: PlanGeneratorSchema,
): Promise<GeneratorCallback | undefined> {
  // Loaded to draft only: the code scanner, the linter and the Claude SDK are most of the plugin's start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const drafting = require('../../draft/draft-plan') as typeof import('../../draft/draft-plan');
  const plan = await drafting.locatePlan(workspace, options);
  if (plan.ranking) drafting.describePick(plan.ranking).forEach((line) => logger.info(line));
  const missing = drafting.describeMissingReads(plan);
  if (missing) logger.warn(missing);
  drafting.refuseToReplace(plan, options.force, '--force');
  const draft = await drafting.draftOfflinePlan(plan);
  const { backup } = drafting.writePlan(
    { read: (path) => tree.read(path, 'utf-8') ?? undefined, write: (path, text) => tree.write(path, text) },
    plan.path,
    draft.text,
  );
  drafting.describeDraft(plan, draft.data.tasks.length).forEach((line) => logger.info(line));
  if (backup) logger.warn(`Groundplan: --force replaced ${plan.path}; the previous plan (with any edits) is kept at ${backup}.`);
  if (!options.skipFormat) await formatFiles(tree);
  return drafting.modelDraft(plan, workspace, draft.text, schema, { env: process.env, stderr: process.stderr, log: (line) => logger.info(line) });
}

/**
 * `--dry-run`: Nx lists the files a generator writes and writes none, so only what decides the file is worked
 * out (project, feature, template, inputs checked). With a project nothing is ranked or indexed; without one
 * the projects are ranked to pick it, as a real run would. Nothing is drafted or formatted either way, so no
 * template code (a workspace template's EJS is code) runs while Nx Console fills its form.
 */
async function dryRun(tree: Tree, workspace: Workspace, options: NormalizedPlanOptions): Promise<void> {
  const { project, path } = options.project
    ? { project: options.project, path: await fileFor(tree, { ...options, project: options.project }) }
    : await pickedFile(workspace, options);
  refuseOverwrite(path, tree.exists(path), options.force, '--force');
  tree.write(path, `<!-- The ${options.template.id} plan for ${project} is drafted here when nx g plan runs without --dry-run. -->\n`);
  logger.info(`Groundplan: dry run: the ${options.template.id} plan for ${project} would be drafted into ${path}.`);
}

async function fileFor(tree: Tree, subject: PlanSubject & { project: string }): Promise<string> {
  return planLocation(subject, { projects: await projectRoots(tree, subject.project), source: treeSource(tree) });
}

/** With no project named, the project the ranking picks (said as a real run says it) and the plan's file in it. */
async function pickedFile(workspace: Workspace, options: NormalizedPlanOptions): Promise<{ project: string; path: string }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const drafting = require('../../draft/draft-plan') as typeof import('../../draft/draft-plan');
  const plan = await drafting.locatePlan(workspace, options);
  if (plan.ranking) drafting.describePick(plan.ranking).forEach((line) => logger.info(line));
  return { project: plan.project, path: plan.path };
}

/**
 * Project roots from the project.json and package.json files in the Tree, which is quick; the project graph,
 * which runs every plugin, only when the project is not among them (a project only a plugin infers).
 */
async function projectRoots(tree: Tree, wanted: string): Promise<Record<string, { root: string }>> {
  const configured = Object.fromEntries([...getProjects(tree)].map(([name, project]) => [name, { root: project.root }]));
  if (configured[wanted]) return configured;
  const graph = await computeProjectGraph(tree.root);
  return Object.fromEntries(Object.entries(graph.nodes).map(([name, node]) => [name, { root: node.data.root }]));
}

export default planGenerator;
