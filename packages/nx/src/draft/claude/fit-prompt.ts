import type { ContextPack } from '../../context/types';
import { ModelDraftError } from './errors';
import { estimatePromptTokens, type PlanPrompt } from './prompt';
import { formatTokens } from './summary';

export interface FitRequest {
  context: ContextPack;
  build: (context: ContextPack) => PlanPrompt;
  /** The prompt's size as the API counts it. */
  count: (prompt: PlanPrompt) => Promise<number>;
  /** Most input tokens the prompt may take. */
  limit: number;
  /** Asks the context engine for a pack within a smaller token budget. */
  rebuildContext?: (budget: number) => ContextPack | Promise<ContextPack>;
  note: (line: string) => void;
}

export interface FittedPrompt {
  prompt: PlanPrompt;
  context: ContextPack;
  tokens: number;
}

/** Below this, a context pack no longer grounds a plan: better to say the inputs are too large. */
const MIN_CONTEXT_BUDGET = 1_000;
const MAX_SHRINKS = 4;

/**
 * Counts the prompt with the API and, while it is over the limit, rebuilds the context with a smaller
 * budget: the inputs and the template are the user's, the context is what can give way.
 */
export async function fitPrompt({ context, build, count, limit, rebuildContext, note }: FitRequest): Promise<FittedPrompt> {
  for (let shrinks = 0; ; shrinks++) {
    const prompt = build(context);
    const tokens = await count(prompt);
    if (tokens <= limit) return { prompt, context, tokens };
    const budget = smallerBudget(context, prompt, tokens, limit);
    if (!rebuildContext || shrinks === MAX_SHRINKS || budget < MIN_CONTEXT_BUDGET) {
      throw new ModelDraftError(
        'too-large',
        `The prompt is ${formatTokens(tokens)} tokens, over the ${formatTokens(limit)} that leave the model room for the plan, ` +
          `and the context cannot shrink further. Trim the inputs, lower --budget, or choose a model with a larger context window.`,
      );
    }
    note(
      `The prompt is ${formatTokens(tokens)} tokens, over the ${formatTokens(limit)} that fit: context budget ${formatTokens(context.budget)} → ${formatTokens(budget)}.`,
    );
    context = await rebuildContext(budget);
  }
}

/**
 * Takes the overshoot off what the pack holds, and a tenth more. The overshoot is in the API's tokens and the
 * budget in the engine's estimate, so it is converted at the rate the two differ on this very prompt.
 */
function smallerBudget(context: ContextPack, prompt: PlanPrompt, tokens: number, limit: number): number {
  const engineTokensPerApiToken = estimatePromptTokens(prompt) / tokens;
  const overshoot = (tokens - limit) * engineTokensPerApiToken;
  return Math.floor((Math.min(context.budget, context.tokens) - overshoot) * 0.9);
}
