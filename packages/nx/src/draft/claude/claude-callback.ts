import type { ChangeHistory } from '../../code/change-history';
import { join } from 'node:path';
import type { CodeIndex } from '../../code/types';
import { buildContext } from '../../context/build-context';
import type { ContextPack } from '../../context/types';
import type { FeatureInput } from '../../inputs/feature-inputs';
import { lintPlan } from '../../lint/lint-plan';
import type { SeverityOverrides } from '../../lint/severity';
import { createLintWorkspace } from '../../lint/workspace-view';
import { renderProvenance } from '../../plan-file/frontmatter';
import type { PlanTemplate } from '../../templates/template';
import { diskSource } from '../../utils/file-source';
import type { WorkspaceFacts } from '../../workspace/types';
import { provenanceFor } from '../offline/draft-offline';
import { draftWithClaude } from './draft-with-claude';
import { ModelDraftError } from './errors';
import type { ProgressSink } from './progress';
import { chooseProvider, resolveModel, type ProviderOption } from './provider';

/** What the plan generator knows once it has written the offline draft. */
export interface ClaudeCallbackRequest {
  provider?: ProviderOption;
  /** The `model` option; the plugin's and GROUNDPLAN_MODEL come next. */
  model?: string;
  pluginModel?: string;
  maxRepairs?: number;
  /** The whole answer's time limit and the longest silence of its stream (ms). */
  timeoutMs?: number;
  idleTimeoutMs?: number;
  /** lint-plan's severity overrides from the plugin's options. */
  rules?: SeverityOverrides;
  workspaceRoot: string;
  facts: WorkspaceFacts;
  /** The code index the generator built, reused for rebuilding the context and for lint. */
  index: CodeIndex;
  /** The history the context was ranked with, so a smaller budget ranks the same. */
  history?: ChangeHistory;
  template: PlanTemplate;
  inputs: FeatureInput[];
  /** The text the context was ranked against, to rebuild it with a smaller budget. */
  query: string;
  context: ContextPack;
  feature: string;
  /** Workspace-relative path of the plan, where the offline draft is. */
  planPath: string;
  offlineDraft: string;
  env: NodeJS.ProcessEnv;
  stderr: ProgressSink;
  log: (line: string) => void;
}

/**
 * The plan generator's callback: undefined when the plan stays offline, else a function that has Claude
 * replace the offline draft. Nx runs it after writing the Tree to disk, and never on --dry-run, so the
 * generator's own body sends nothing. The provider is chosen here, up front: `anthropic` without a key fails
 * before anything is written.
 */
export function claudeDraftCallback(request: ClaudeCallbackRequest): (() => Promise<void>) | undefined {
  const choice = chooseProvider(request.provider, request.env);
  if (choice.provider === 'offline') {
    request.log(`Groundplan: drafted offline: ${choice.reason}.`);
    return undefined;
  }
  const { model, source } = resolveModel(request.model, request.pluginModel, request.env);
  request.log(`Groundplan: drafting with Claude ${model} (model from ${source}) because ${choice.reason}; it replaces the offline draft.`);
  return async () => {
    const result = await draftWithClaude(modelRequest(request, model));
    if (!result.ok) {
      throw new ModelDraftError('lint-errors', `The plan at ${request.planPath} was written, but lint-plan still finds errors in it (listed above).`);
    }
  };
}

function modelRequest(request: ClaudeCallbackRequest, model: string): Parameters<typeof draftWithClaude>[0] {
  const { facts, index, history, template, inputs, context, feature, planPath } = request;
  const source = diskSource(request.workspaceRoot);
  const workspace = createLintWorkspace(facts, source, index);
  const templates = new Map([[template.id, template]]);
  return {
    template,
    inputs,
    context,
    offlineDraft: request.offlineDraft,
    rebuildContext: (budget) => buildContext({ facts, source, index, history, query: request.query, project: context.affected.name, budget }),
    planPath: join(request.workspaceRoot, planPath),
    lint: async (text) => (await lintPlan(text, { workspace, templates, file: planPath, rules: request.rules ? [request.rules] : [] })).findings,
    // The same provenance block as the offline draft's, naming the model as the drafter.
    finish: async (body, drafter) =>
      `${renderProvenance(await provenanceFor({ template, inputs, context, feature, drafter, now: new Date().toISOString() }, body, source))}\n${body}`,
    model,
    maxRepairs: request.maxRepairs,
    timeoutMs: request.timeoutMs,
    idleTimeoutMs: request.idleTimeoutMs,
    env: request.env,
    stderr: request.stderr,
  };
}
