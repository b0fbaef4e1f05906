/** What the drafter needs to know about a Claude model: how much it reads and writes, and what it costs. */
export interface ModelFacts {
  /** Context window: input tokens plus `max_tokens` must fit in it. */
  contextWindow: number;
  /** The most output tokens to ask for: a plan is a few thousand tokens, thinking included. */
  maxOutput: number;
  /** USD per million tokens; undefined when the family is not in the table. */
  price?: Price;
}

/** USD per million tokens of each kind the API reports (cache writes at the 5-minute rate). */
export type Price = Record<keyof TokenUsage, number>;

/** The current Claude Sonnet, used when no model is configured anywhere. */
export const DEFAULT_MODEL = 'claude-sonnet-5-5';

const PLAN_OUTPUT_TOKENS = 32_000;

/**
 * By model-id prefix, most specific first. Prices are the list prices per million tokens at the time of
 * writing; the summary calls the cost an estimate, and a model not listed gets no cost rather than a guess.
 */
const MODEL_TABLE: Array<[prefix: string, facts: ModelFacts]> = [
  ['claude-sonnet-5', { contextWindow: 1_000_000, maxOutput: PLAN_OUTPUT_TOKENS, price: { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 } }],
  ['claude-sonnet-4', { contextWindow: 200_000, maxOutput: PLAN_OUTPUT_TOKENS, price: { input: 3, output: 15, cacheWrite: 3.75, cacheRead: 0.3 } }],
  ['claude-opus-5', { contextWindow: 1_000_000, maxOutput: PLAN_OUTPUT_TOKENS, price: { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 } }],
  ['claude-opus-4-5', { contextWindow: 200_000, maxOutput: PLAN_OUTPUT_TOKENS, price: { input: 5, output: 25, cacheWrite: 6.25, cacheRead: 0.5 } }],
  ['claude-haiku-4-5', { contextWindow: 200_000, maxOutput: PLAN_OUTPUT_TOKENS, price: { input: 1, output: 5, cacheWrite: 1.25, cacheRead: 0.1 } }],
];

/** Conservative facts for a model the table does not know (a newer id, a gateway's alias). */
const UNKNOWN_MODEL: ModelFacts = { contextWindow: 200_000, maxOutput: 16_000 };

export function modelFacts(model: string): ModelFacts {
  return MODEL_TABLE.find(([prefix]) => model.startsWith(prefix))?.[1] ?? UNKNOWN_MODEL;
}

/** Token usage of one or more requests, as the API reports it. */
export interface TokenUsage {
  input: number;
  output: number;
  cacheWrite: number;
  cacheRead: number;
}

export const NO_USAGE: TokenUsage = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };

export function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return { input: a.input + b.input, output: a.output + b.output, cacheWrite: a.cacheWrite + b.cacheWrite, cacheRead: a.cacheRead + b.cacheRead };
}

/** Estimated cost in USD, or undefined when the model's price is not known. */
export function estimateCost(model: string, usage: TokenUsage): number | undefined {
  const price = modelFacts(model).price;
  if (!price) return undefined;
  const kinds = Object.keys(price) as Array<keyof TokenUsage>;
  return kinds.reduce((usd, kind) => usd + (usage[kind] * price[kind]) / 1_000_000, 0);
}
