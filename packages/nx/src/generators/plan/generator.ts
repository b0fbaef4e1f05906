import { getProjects, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { planLocation, type PlanSubject } from '../../draft/prepare-plan';
import { treeSource } from '../../workspace/tree-source';
import { computeProjectGraph } from '../../workspace/read-workspace';
import { normalizeOptions, readStdin, refuseOverwrite, subjectOf } from './lib/normalize-options';
import type { PlanGeneratorSchema } from './schema';

/**
 * `nx g @groundplan/nx:plan`: writes the offline draft through the Tree. Anything that needs the network runs
 * in the returned callback, which Nx skips on --dry-run (what Nx Console runs on every keystroke).
 */
export async function planGenerator(tree: Tree, schema: PlanGeneratorSchema): Promise<GeneratorCallback | void> {
  const options = normalizeOptions(tree, schema, readStdin);
  if (process.env.NX_DRY_RUN === 'true' && options.project) return dryRun(tree, { ...subjectOf(options), project: options.project }, options.force);
  // Loaded to draft only: the code scanner, the linter and the Claude SDK are most of the plugin's start-up.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { draftPlan } = require('./lib/draft-plan') as typeof import('./lib/draft-plan');
  return draftPlan(tree, options, schema);
}

/**
 * `--dry-run` with a project: Nx lists the files a generator writes and writes none, so only what decides the
 * file is worked out (project, feature, template, inputs checked); nothing is ranked, drafted or formatted.
 */
async function dryRun(tree: Tree, subject: PlanSubject & { project: string }, force: boolean): Promise<void> {
  const path = planLocation(subject, { projects: await projectRoots(tree, subject.project), source: treeSource(tree) });
  refuseOverwrite(tree, path, force);
  tree.write(path, `<!-- The ${subject.template.id} plan for ${subject.project} is drafted here when nx g plan runs without --dry-run. -->\n`);
  logger.info(`Groundplan: dry run: the ${subject.template.id} plan for ${subject.project} would be drafted into ${path}.`);
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
