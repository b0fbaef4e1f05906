import { formatFiles, logger, type GeneratorCallback, type Tree } from '@nx/devkit';
import { describeDraft, describeMissingReads, describePick, draftOfflinePlan, locatePlan, modelDraft, refuseOverwrite, writePlan, type PlanFiles } from '../../draft/draft-plan';
import { treeSource } from '../../utils/tree-source';
import { openWorkspace } from '../../workspace/open-workspace';
import { normalizeOptions } from './lib/normalize-options';
import type { PlanGeneratorSchema } from './schema';

/**
 * `nx g @groundplan/nx:plan`: writes the offline draft through the Tree. Anything that needs the network runs
 * in the returned callback, which Nx skips on --dry-run (what Nx Console runs on every keystroke).
 */
export async function planGenerator(tree: Tree, schema: PlanGeneratorSchema): Promise<GeneratorCallback | void> {
  // Read through the Tree, so the generator sees its own pending changes (and those of one that composes it).
  const workspace = openWorkspace(tree.root, { source: treeSource(tree) });
  const options = await normalizeOptions(workspace, schema, process.stdin);
  const plan = await locatePlan(workspace, options);
  if (plan.ranking) describePick(plan.ranking).forEach((line) => logger.info(line));
  const missing = describeMissingReads(plan);
  if (missing) logger.warn(missing);
  refuseOverwrite(plan, options.force, '--force');
  const draft = await draftOfflinePlan(plan);
  const { backup } = writePlan(treePlanFiles(tree), plan.path, draft.text);
  describeDraft(plan, draft.model.tasks.length).forEach((line) => logger.info(line));
  if (backup) logger.warn(`Groundplan: --force replaced ${plan.path}; the previous plan (with any edits) is kept at ${backup}.`);
  if (!options.skipFormat) await formatFiles(tree);
  return modelDraft(plan, workspace, draft.text, schema, { env: process.env, stderr: process.stderr, log: (line) => logger.info(line) });
}

function treePlanFiles(tree: Tree): PlanFiles {
  return { read: (path) => tree.read(path, 'utf-8') ?? undefined, write: (path, text) => tree.write(path, text) };
}

export default planGenerator;
