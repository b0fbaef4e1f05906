import { formatFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { workspaceDataDir } from '../../code/index-cache';
import { indexWorkspace } from '../../code/index-workspace';
import { nxProjectFileMap } from '../../code/nx-file-map';
import type { CodeIndex } from '../../code/types';
import { buildContext } from '../../context/build-context';
import type { ContextPack } from '../../context/types';
import { claudeDraftCallback } from '../../draft/model/claude-callback';
import { draftOffline } from '../../draft/offline/draft-offline';
import { checkInputsCover, featureDir, findInputs, InputError, kindLabel, type FeatureInput } from '../../inputs/feature-inputs';
import type { FileSource } from '../../utils/file-source';
import { treeSource } from '../../utils/tree-source';
import { closestNames } from '../../utils/closest';
import { computeProjectGraph, readWorkspaceFacts } from '../../workspace/read-workspace';
import type { WorkspaceFacts } from '../../workspace/types';
import { normalizeOptions, readStdin, type NormalizedPlanOptions } from './lib/normalize-options';
import type { PlanGeneratorSchema } from './schema';

/**
 * `nx g @groundplan/nx:plan`: writes the offline draft through the Tree. Anything that needs the network runs
 * in the returned callback, which Nx skips on --dry-run (what Nx Console runs on every keystroke).
 */
export async function planGenerator(tree: Tree, schema: PlanGeneratorSchema): Promise<GeneratorCallback | void> {
  const options = normalizeOptions(tree, schema, readStdin);
  const source = treeSource(tree);
  const graph = await computeProjectGraph(tree.root);
  const facts = readWorkspaceFacts(graph, source);
  // One code index for ranking, drafting and the model's lint, cached by the file hashes Nx already has.
  const index = indexWorkspace({ projects: facts.projects, source, fileMap: await nxProjectFileMap(graph), cacheDir: workspaceDataDir(tree.root) });
  const project = options.project ? requireProject(facts, options.project) : await rankAffectedProject(options, facts, source, index);
  const found = findInputs(source, {
    projectRoot: facts.projects[project].root,
    feature: options.feature,
    files: options.inputs,
    description: options.description,
    task: options.task,
  });
  checkInputsCover(found, options.template.inputs.anyOf, options.template.id);
  noteMissingReads(found.inputs, options);
  const query = queryText(found.inputs);
  const context = await buildContext({ facts, source, index, query, project, budget: options.budget });
  const outputPath = join(featureDir(facts.projects[context.affected.name].root, options.feature), options.template.output);
  if (tree.exists(outputPath) && !options.force) {
    throw new InputError(`${outputPath} already exists and may hold your edits. Re-run with --force to overwrite it, or choose another --feature.`);
  }
  const draft = await draftOffline(
    { template: options.template, inputs: found.inputs, facts, context, feature: options.feature, drafter: 'offline', now: new Date().toISOString() },
    source,
  );
  tree.write(outputPath, draft.text);
  reportDraft(outputPath, context, draft.model.tasks.length, options);
  if (!options.skipFormat) await formatFiles(tree);
  return claudeDraftCallback({
    provider: schema.provider,
    model: schema.model,
    pluginModel: options.plugin.model,
    maxRepairs: schema.maxRepairs,
    rules: options.plugin.rules,
    workspaceRoot: tree.root,
    facts,
    index,
    template: options.template,
    inputs: found.inputs,
    query,
    context,
    feature: options.feature,
    planPath: outputPath,
    offlineDraft: draft.text,
    env: process.env,
    stderr: process.stderr,
    log: (line) => logger.info(line),
  });
}

function requireProject(facts: WorkspaceFacts, name: string): string {
  if (facts.projects[name]) return name;
  const suggestions = closestNames(name, Object.keys(facts.projects), 3);
  throw new InputError(
    `Unknown project "${name}" (option --project).${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''} Run \`nx show projects\` to list them.`,
  );
}

/**
 * With no project named, the text the user gave (description, task, explicit input files) is ranked against
 * the workspace and the top project is the affected one; the log says why and lists the runners-up.
 */
async function rankAffectedProject(options: NormalizedPlanOptions, facts: WorkspaceFacts, source: FileSource, index: CodeIndex): Promise<string> {
  if (!options.description && !options.task && !options.inputs) {
    throw new InputError('No project given: pass one (first argument or --project), or give --description, --task-file or --inputs so Groundplan can find the affected project.');
  }
  const given = findInputs(source, { projectRoot: '', feature: options.feature, files: options.inputs, description: options.description, task: options.task });
  const ranking = await buildContext({ facts, source, index, query: queryText(given.inputs), budget: options.budget });
  const runnersUp = ranking.projects.filter((p) => p.name !== ranking.affected.name).slice(0, 3);
  logger.info(`Groundplan picked project "${ranking.affected.name}": ${ranking.affected.why}.`);
  if (runnersUp.length) logger.info(`  Runners-up: ${runnersUp.map((p) => `${p.name} (${p.why})`).join('; ')}. Pass a project to choose another.`);
  return ranking.affected.name;
}

/** The text the context is ranked against: everything but the constitution, which is about principles, not code. */
function queryText(inputs: FeatureInput[]): string {
  return inputs.filter((input) => input.kind !== 'constitution').map((input) => input.text).join('\n\n');
}

/** Inputs the template reads but that were not found: the plan is drafted without them, and the user is told. */
function noteMissingReads(inputs: FeatureInput[], options: NormalizedPlanOptions): void {
  const present = new Set(inputs.map((input) => input.kind));
  const missing = options.template.inputs.reads.filter((kind) => !present.has(kind) && kind !== 'description' && kind !== 'task');
  if (missing.length) logger.warn(`Groundplan: no ${missing.map(kindLabel).join(', ')} found for "${options.feature}"; the plan is drafted without it.`);
}

function reportDraft(outputPath: string, context: ContextPack, tasks: number, options: NormalizedPlanOptions): void {
  logger.info(`Groundplan: ${options.template.id} plan for ${context.affected.name} (${context.affected.why}) → ${outputPath}`);
  logger.info(`  ${tasks} tasks, ${context.files.length} files of context (${context.tokens}/${context.budget} tokens), drafted offline.`);
}

export default planGenerator;
