import type { ChangeHistory } from '../code/change-history';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CodeIndex } from '../code/types';
import type { ContextPack } from '../context/types';
import { featureDir, kindLabel } from '../inputs/feature-inputs';
import { renderProvenance } from '../plan-file/frontmatter';
import type { FileSource } from '../utils/file-source';
import { readText } from '../utils/file-source';
import { redactSecrets } from '../utils/secrets';
import { resolveWorkspacePath } from '../utils/workspace-path';
import type { Workspace } from '../session/open-workspace';
import type { WorkspaceFacts } from '../workspace/types';
import { claudeDraftCallback, type ClaudeCallbackRequest } from './claude/claude-callback';
import type { ProviderOption } from './claude/provider';
import { writeFileAtomically } from './claude/write-atomically';
import { draftOffline, provenanceFor, type OfflineDraft } from './offline/draft-offline';
import { preparePlan, refuseOverwrite, type PlanSubject, type PreparedPlan } from './prepare-plan';

/**
 * A plan's whole making, shared by `nx g plan`, `groundplan plan` and the MCP server: where it goes, what it
 * is grounded in, the offline draft, and the write. The adapters differ only in how they write (the Nx Tree,
 * or the disk atomically) and how they report.
 */
export interface LocatedPlan extends PreparedPlan {
  subject: PlanSubject;
  /** Workspace-relative path the plan is written to. */
  path: string;
  facts: WorkspaceFacts;
  index: CodeIndex;
  history: ChangeHistory;
  source: FileSource;
}

/** Finds the project, the inputs and the context of a plan, and the file it belongs in. */
export async function locatePlan(workspace: Workspace, subject: PlanSubject): Promise<LocatedPlan> {
  const { facts, code, history } = await workspace.snapshot();
  const index = code();
  const prepared = await preparePlan(subject, { facts, source: workspace.source, index, history: history() });
  const path = join(featureDir(facts.projects[prepared.project].root, subject.feature), subject.template.output);
  return { ...prepared, subject, path, facts, index, history: history(), source: workspace.source };
}

/** A plan already there may hold the user's edits: it is replaced only when asked (`forceOption`). */
export function refuseToReplace(plan: LocatedPlan, force: boolean, forceOption: string): void {
  refuseOverwrite(plan.path, plan.source.exists(plan.path), force, forceOption);
}

export function draftOfflinePlan(plan: LocatedPlan, now = new Date()): Promise<OfflineDraft> {
  const { subject, inputs, facts, context, index, source } = plan;
  return draftOffline(
    { template: subject.template, inputs, facts, context, index, feature: subject.feature, drafter: 'offline', now: now.toISOString() },
    source,
  );
}

/** A plan body someone else wrote (an agent), under the same provenance block the drafters write. */
export async function stampPlan(plan: LocatedPlan, body: string, drafter: string, now = new Date()): Promise<string> {
  const { subject, inputs, context, source } = plan;
  const provenance = await provenanceFor(
    { template: subject.template, inputs, context, feature: subject.feature, drafter, now: now.toISOString() },
    body,
    source,
  );
  return `${renderProvenance(provenance)}\n${body.replace(/^\s+/, '')}`;
}

/** Where a plan is written: the generator's Tree, or the disk. Paths are workspace-relative. */
export interface PlanFiles {
  read(path: string): string | undefined;
  write(path: string, text: string): void;
}

/** The disk, written atomically (a reader never sees half a plan), only inside the workspace. */
export function diskPlanFiles(source: FileSource): PlanFiles {
  return {
    read: (path) => readText(source, path),
    write: (path, text) => {
      const { abs } = resolveWorkspacePath(source.root, path, { option: 'the plan path', kind: 'output' });
      mkdirSync(dirname(abs), { recursive: true });
      writeFileAtomically(abs, text);
    },
  };
}

/**
 * Writes the plan, secrets redacted. A previous plan that differs (it may hold edits, and a model draft that
 * follows can still fail) is kept next to it as `<plan>.bak`; its path is returned.
 */
export function writePlan(files: PlanFiles, path: string, text: string): { backup?: string } {
  const previous = files.read(path);
  const next = redactSecrets(text);
  let backup: string | undefined;
  if (previous !== undefined && previous !== next) {
    backup = backupPath(files, path, previous);
    files.write(backup, previous);
  }
  files.write(path, next);
  return { backup };
}

/**
 * `<plan>.bak`, or when that holds another text (the edits a first --force kept) the first free `<plan>.bak.N`,
 * as `cp --backup=numbered` does: a second --force never loses what the first one saved.
 */
function backupPath(files: PlanFiles, path: string, previous: string): string {
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? `${path}.bak` : `${path}.bak.${n}`;
    const held = files.read(candidate);
    if (held === undefined || held === previous) return candidate;
  }
}

/** How a model may replace the offline draft: the generator's and `groundplan plan`'s options. */
export interface ModelOptions {
  provider?: ProviderOption;
  model?: string;
  maxRepairs?: number;
  /** Seconds. */
  timeout?: number;
  idleTimeout?: number;
}

/** The model drafter for a plan whose offline draft is on disk, or undefined when the plan stays offline. */
export function modelDraft(
  plan: LocatedPlan,
  workspace: Workspace,
  offlineDraft: string,
  options: ModelOptions,
  io: Pick<ClaudeCallbackRequest, 'env' | 'stderr' | 'log'>,
): (() => Promise<void>) | undefined {
  const plugin = workspace.plugin();
  return claudeDraftCallback({
    provider: options.provider,
    model: options.model,
    pluginModel: plugin.model,
    maxRepairs: options.maxRepairs,
    timeoutMs: options.timeout === undefined ? undefined : options.timeout * 1000,
    idleTimeoutMs: options.idleTimeout === undefined ? undefined : options.idleTimeout * 1000,
    rules: plugin.rules,
    workspaceRoot: workspace.root,
    facts: plan.facts,
    index: plan.index,
    history: plan.history,
    template: plan.subject.template,
    inputs: plan.inputs,
    query: plan.query,
    context: plan.context,
    feature: plan.subject.feature,
    planPath: plan.path,
    offlineDraft,
    ...io,
  });
}

/** With no project named, which project was picked, why, and the runners-up. */
export function describePick(ranking: ContextPack): string[] {
  const runnersUp = ranking.projects.filter((p) => p.name !== ranking.affected.name).slice(0, 3);
  return [
    `Groundplan picked project "${ranking.affected.name}": ${ranking.affected.why}.`,
    ...(runnersUp.length ? [`  Runners-up: ${runnersUp.map((p) => `${p.name} (${p.why})`).join('; ')}. Pass a project to choose another.`] : []),
  ];
}

/** Kinds of input the template reads that the feature folder lacks: the plan is drafted without them. */
export function describeMissingReads(plan: LocatedPlan): string | undefined {
  if (plan.missingReads.length === 0) return undefined;
  return `Groundplan: no ${plan.missingReads.map(kindLabel).join(', ')} found for "${plan.subject.feature}"; the plan is drafted without it.`;
}

export function describeDraft(plan: LocatedPlan, tasks: number): string[] {
  const { context, subject, path } = plan;
  return [
    `Groundplan: ${subject.template.id} plan for ${context.affected.name} (${context.affected.why}) → ${path}`,
    `  ${tasks} tasks, ${context.files.length} files of context (${context.tokens}/${context.budget} tokens), drafted offline.`,
  ];
}
