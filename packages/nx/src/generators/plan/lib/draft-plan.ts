import { formatFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { join } from 'node:path';
import { workspaceDataDir } from '../../../code/index-cache';
import { indexWorkspace } from '../../../code/index-workspace';
import type { ContextPack } from '../../../context/types';
import { claudeDraftCallback } from '../../../draft/claude/claude-callback';
import { draftOffline } from '../../../draft/offline/draft-offline';
import { preparePlan } from '../../../draft/prepare-plan';
import { featureDir, kindLabel } from '../../../inputs/feature-inputs';
import { redactSecrets } from '../../../utils/secrets';
import { nxProjectFileMap } from '../../../workspace/nx-file-map';
import { computeProjectGraph, readWorkspaceFacts } from '../../../workspace/read-workspace';
import { treeSource } from '../../../workspace/tree-source';
import type { PlanGeneratorSchema } from '../schema';
import { refuseOverwrite, subjectOf, type NormalizedPlanOptions } from './normalize-options';

/** Drafts the plan offline through the Tree, and returns the callback that has Claude replace it when asked. */
export async function draftPlan(tree: Tree, options: NormalizedPlanOptions, schema: PlanGeneratorSchema): Promise<GeneratorCallback | undefined> {
  const source = treeSource(tree);
  const graph = await computeProjectGraph(tree.root);
  const facts = readWorkspaceFacts(graph, source);
  // One code index for ranking, drafting and the model's lint, cached by the file hashes Nx already has.
  const index = indexWorkspace({ projects: facts.projects, source, fileMap: await nxProjectFileMap(graph), cacheDir: workspaceDataDir(tree.root) });
  const { project, inputs, query, context, ranking, missingReads } = await preparePlan(subjectOf(options), { facts, source, index });
  if (ranking) reportPick(ranking);
  if (missingReads.length) logger.warn(`Groundplan: no ${missingReads.map(kindLabel).join(', ')} found for "${options.feature}"; the plan is drafted without it.`);
  const outputPath = join(featureDir(facts.projects[project].root, options.feature), options.template.output);
  refuseOverwrite(tree, outputPath, options.force);
  const draft = await draftOffline(
    { template: options.template, inputs, facts, context, index, feature: options.feature, drafter: 'offline', now: new Date().toISOString() },
    source,
  );
  const backup = keepPrevious(tree, outputPath, draft.text);
  tree.write(outputPath, redactSecrets(draft.text));
  reportDraft(outputPath, context, draft.data.tasks.length, options);
  if (backup) logger.warn(`Groundplan: --force replaced ${outputPath}; the previous plan (with any edits) is kept at ${backup}.`);
  if (!options.skipFormat) await formatFiles(tree);
  return claudeDraftCallback({
    provider: schema.provider,
    model: schema.model,
    pluginModel: options.plugin.model,
    maxRepairs: options.maxRepairs,
    timeoutMs: options.timeout === undefined ? undefined : options.timeout * 1000,
    idleTimeoutMs: options.idleTimeout === undefined ? undefined : options.idleTimeout * 1000,
    rules: options.plugin.rules,
    workspaceRoot: tree.root,
    facts,
    index,
    template: options.template,
    inputs,
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

/**
 * With --force, the plan being replaced may hold the user's edits, and the model draft that follows can
 * still fail (a 429, Ctrl-C): its text is kept next to it, as `<plan>.bak`, before anything replaces it.
 */
function keepPrevious(tree: Tree, outputPath: string, next: string): string | undefined {
  const previous = tree.read(outputPath);
  if (!previous || previous.toString('utf8') === next) return undefined;
  const backup = `${outputPath}.bak`;
  tree.write(backup, previous);
  return backup;
}

/** With no project named, the log says which project was picked, why, and the runners-up. */
function reportPick(ranking: ContextPack): void {
  const runnersUp = ranking.projects.filter((p) => p.name !== ranking.affected.name).slice(0, 3);
  logger.info(`Groundplan picked project "${ranking.affected.name}": ${ranking.affected.why}.`);
  if (runnersUp.length) logger.info(`  Runners-up: ${runnersUp.map((p) => `${p.name} (${p.why})`).join('; ')}. Pass a project to choose another.`);
}

function reportDraft(outputPath: string, context: ContextPack, tasks: number, options: NormalizedPlanOptions): void {
  logger.info(`Groundplan: ${options.template.id} plan for ${context.affected.name} (${context.affected.why}) → ${outputPath}`);
  logger.info(`  ${tasks} tasks, ${context.files.length} files of context (${context.tokens}/${context.budget} tokens), drafted offline.`);
}

