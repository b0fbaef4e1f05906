import type Anthropic from '@anthropic-ai/sdk';
import { existsSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { ContextPack } from '../../context/types';
import type { FeatureInput } from '../../inputs/feature-inputs';
import type { Finding } from '../../lint/types';
import type { PlanTemplate } from '../../templates/template';
import { extractPlan } from './answer';
import { countPromptTokens, createClient, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, streamAnswer } from './claude-client';
import { explainFailure, ModelDraftError, scrubSecrets, type RequestTarget } from './errors';
import { fitPrompt, type FittedPrompt } from './fit-prompt';
import { abortOnInterrupt } from './interrupt';
import { addUsage, estimateCost, modelFacts, NO_USAGE, type ModelFacts, type TokenUsage } from './models';
import { createProgress, type ProgressSink } from './progress';
import { buildPlanPrompt, buildRepairMessages, type PlanPrompt } from './prompt';
import { apiKeyFrom, missingApiKeyError } from './provider';
import { formatSummary, formatTokens } from './summary';
import { writeFileAtomically } from './write-atomically';

export interface ClaudeDraftRequest {
  template: PlanTemplate;
  inputs: FeatureInput[];
  context: ContextPack;
  /** Rebuilds the context pack within a smaller token budget, when the prompt would not fit the model. */
  rebuildContext?: (budget: number) => ContextPack | Promise<ContextPack>;
  /** The offline drafter's plan: given to the model as a starting point, and left in place on failure. */
  offlineDraft?: string;
  /** Absolute path of the plan file. */
  planPath: string;
  /** lint-plan, in-process, on the plan's full text. */
  lint: (planText: string) => Promise<Finding[]>;
  /** Turns the model's plan body into the file's text (adds the provenance frontmatter); default: the body. */
  finish?: (body: string, drafter: string) => string | Promise<string>;
  model: string;
  /** Repair rounds at most while lint errors remain (default 2). */
  maxRepairs?: number;
  env: NodeJS.ProcessEnv;
  /** Progress, the summary and findings go here (stderr). */
  stderr: ProgressSink;
  signal?: AbortSignal;
  /** The SDK's retries and per-request timeout (tests shorten them). */
  maxRetries?: number;
  timeoutMs?: number;
  /** The longest silence of the answer's stream (ms). */
  idleTimeoutMs?: number;
}

export interface ClaudeDraftResult {
  /** False when lint errors remain in the plan that was written. */
  ok: boolean;
  planPath: string;
  plan: string;
  /** lint-plan's findings on the plan as written. */
  findings: Finding[];
  repairs: number;
  requests: number;
  usage: TokenUsage;
  /** Estimated USD, undefined for a model with no known price. */
  cost?: number;
}

export const DEFAULT_MAX_REPAIRS = 2;

/** One answer from Claude: the plan body, the file text made of it, and what lint-plan says of that text. */
interface LintedAnswer {
  body: string;
  text: string;
  findings: Finding[];
}

/**
 * Drafts a plan with Claude: fits the prompt to the model, streams the answer, lints it and has the model
 * repair it while errors remain (bounded), then writes it atomically. Every failure throws a
 * ModelDraftError before anything is written, so the offline draft stays; a plan that still has lint
 * errors after the last round is written, and the result says `ok: false`.
 */
export async function draftWithClaude(request: ClaudeDraftRequest): Promise<ClaudeDraftResult> {
  const apiKey = apiKeyFrom(request.env);
  if (!apiKey) throw missingApiKeyError();
  const maxRepairs = checkMaxRepairs(request.maxRepairs ?? DEFAULT_MAX_REPAIRS);
  const interrupt = abortOnInterrupt(request.signal);
  const session = new DraftSession(request, apiKey, interrupt.signal);
  let result: ClaudeDraftResult;
  try {
    const { prompt, tokens } = await session.fitPrompt();
    const first = await session.ask(
      prompt,
      prompt.messages,
      `Drafting the ${request.template.id} plan with ${request.model} (prompt: ${formatTokens(tokens)} tokens)`,
    );
    const { draft, repairs } = await repairWhileErrors(session, prompt, first, maxRepairs);
    // The plan is committed: nothing secret-looking, and never the key, even when the model echoes it back.
    writeFileAtomically(request.planPath, scrubSecrets(draft.text, apiKey));
    const ok = errorsOf(draft.findings).length === 0;
    result = {
      ok,
      planPath: request.planPath,
      plan: draft.text,
      findings: draft.findings,
      repairs,
      requests: session.requests,
      usage: session.usage,
      cost: estimateCost(request.model, session.usage),
    };
  } catch (error) {
    throw keptDraft(explainFailure(error, session.target, false), request.planPath, apiKey);
  } finally {
    interrupt.dispose();
    session.summarize();
  }
  session.say(result.ok ? `Plan written to ${shown(result.planPath)}; lint-plan passes.\n` : remainingErrorsReport(result));
  return result;
}

/** Sends the findings and the draft back while lint errors remain, at most `maxRepairs` rounds. */
async function repairWhileErrors(
  session: DraftSession,
  prompt: PlanPrompt,
  first: LintedAnswer,
  maxRepairs: number,
): Promise<{ draft: LintedAnswer; repairs: number }> {
  let draft = first;
  let repairs = 0;
  for (let errors = errorsOf(draft.findings); errors.length > 0 && repairs < maxRepairs; errors = errorsOf(draft.findings)) {
    repairs += 1;
    session.say(`lint-plan found ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} in the draft: repair round ${repairs} of ${maxRepairs}\n`);
    const messages = buildRepairMessages(prompt, draft.body, errors, linesBefore(draft.text, draft.body));
    draft = await session.ask(prompt, messages, `Repairing the plan with ${session.target.model}`);
  }
  return { draft, repairs };
}

/** One drafting run's connection to Claude, and what it has spent so far. */
class DraftSession {
  readonly target: RequestTarget;
  usage: TokenUsage = NO_USAGE;
  requests = 0;
  private readonly client: Anthropic;
  private readonly facts: ModelFacts;
  private readonly startedAt = Date.now();

  constructor(
    private readonly request: ClaudeDraftRequest,
    private readonly apiKey: string,
    private readonly signal: AbortSignal,
  ) {
    const { client, target } = createClient({ apiKey, env: request.env, maxRetries: request.maxRetries, timeoutMs: request.timeoutMs });
    this.client = client;
    this.target = { ...target, model: request.model };
    this.facts = modelFacts(request.model);
  }

  /** Everything the drafter prints goes through here, with the key and secret-looking strings removed. */
  say(text: string): void {
    this.request.stderr.write(scrubSecrets(text, this.apiKey));
  }

  fitPrompt(): Promise<FittedPrompt> {
    const { template, inputs, offlineDraft, context, rebuildContext } = this.request;
    return fitPrompt({
      context,
      build: (candidate) => buildPlanPrompt({ template, context: candidate, inputs, offlineDraft }),
      count: (prompt) => countPromptTokens(this.client, this.target.model, prompt, this.signal),
      limit: inputLimit(this.facts),
      rebuildContext,
      note: (line) => this.say(`${line}\n`),
    });
  }

  /** Streams one answer, takes the plan out of it, and lints the file text made of it. */
  async ask(prompt: PlanPrompt, messages: PlanPrompt['messages'], label: string): Promise<LintedAnswer> {
    const progress = createProgress(this.request.stderr, this.request.env);
    const timeoutMs = this.request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const idleTimeoutMs = this.request.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    progress.start(`${label} (gives up after ${Math.round(idleTimeoutMs / 1000)} s of silence or ${Math.round(timeoutMs / 1000)} s in all)`);
    try {
      const answer = await streamAnswer({
        client: this.client,
        target: this.target,
        system: prompt.system,
        messages,
        maxTokens: this.facts.maxOutput,
        progress,
        signal: this.signal,
        timeoutMs,
        idleTimeoutMs,
      });
      this.requests += 1;
      this.usage = addUsage(this.usage, answer.usage);
      const body = scrubSecrets(await extractPlan(answer.text, this.request.template), this.apiKey);
      const text = await (this.request.finish ?? ((b) => b))(body, `claude:${this.target.model}`);
      return { body, text, findings: await this.request.lint(text) };
    } finally {
      progress.stop();
    }
  }

  /** The tokens and the estimated cost, whenever anything was spent, success or not. */
  summarize(): void {
    if (this.requests === 0) return;
    this.say(formatSummary({ model: this.target.model, requests: this.requests, elapsedMs: Date.now() - this.startedAt, usage: this.usage }));
  }
}

/** The prompt may take the window less room for the answer and for a repair round, which sends the draft back. */
function inputLimit(facts: ModelFacts): number {
  return facts.contextWindow - 2 * facts.maxOutput;
}

function checkMaxRepairs(value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new ModelDraftError('usage', `maxRepairs must be a whole number, 0 or more (got ${value}).`);
  }
  return value;
}

function errorsOf(findings: Finding[]): Finding[] {
  return findings.filter((finding) => finding.severity === 'error');
}

/** Lines of the file above the body (the frontmatter), so findings point at the lines the model wrote. */
function linesBefore(text: string, body: string): number {
  const at = text.indexOf(body.trimEnd());
  return at <= 0 ? 0 : text.slice(0, at).split('\n').length - 1;
}

function remainingErrorsReport({ planPath, findings, repairs }: ClaudeDraftResult): string {
  const errors = errorsOf(findings);
  const lines = errors.map((f) => `  ${shown(planPath)}:${f.line}:${f.column}  error  ${f.ruleId} ${f.slug}  ${f.message}`);
  return `Plan written to ${shown(planPath)}, but lint-plan still finds ${errors.length} ${errors.length === 1 ? 'error' : 'errors'} after ${repairs} repair ${repairs === 1 ? 'round' : 'rounds'}:\n${lines.join('\n')}\n`;
}

/** Says what happened to the plan file, which the failure left untouched. */
function keptDraft(error: ModelDraftError, planPath: string, apiKey: string): ModelDraftError {
  const kept = existsSync(planPath) ? `The offline draft at ${shown(planPath)} is unchanged.` : `Nothing was written to ${shown(planPath)}.`;
  return new ModelDraftError(error.kind, scrubSecrets(`${error.message}\n${kept}`, apiKey));
}

/** A path as the user typed it from where they are: relative to the working folder when inside it. */
function shown(path: string): string {
  const fromHere = relative(process.cwd(), path);
  return fromHere === '' || fromHere.startsWith('..') || isAbsolute(fromHere) ? path : fromHere;
}
