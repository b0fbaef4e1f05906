import { estimateCost, type TokenUsage } from './models';

export function formatTokens(tokens: number): string {
  return tokens.toLocaleString('en-US');
}

export interface RunFacts {
  model: string;
  requests: number;
  elapsedMs: number;
  usage: TokenUsage;
}

/** The closing lines of a model draft: what was sent and received, and what it cost, as an estimate. */
export function formatSummary({ model, requests, elapsedMs, usage }: RunFacts): string {
  const cost = estimateCost(model, usage);
  const costLine =
    cost === undefined
      ? `  cost: no price known for "${model}"; see your Claude Console usage page`
      : `  estimated cost: $${cost.toFixed(cost < 0.1 ? 4 : 2)} (an estimate from list prices per model family, not a bill)`;
  return [
    `Claude ${model}: ${requests} ${requests === 1 ? 'request' : 'requests'} in ${(elapsedMs / 1000).toFixed(1)}s`,
    `  tokens: input ${formatTokens(usage.input)} · output ${formatTokens(usage.output)} · ` +
      `cache write ${formatTokens(usage.cacheWrite)} · cache read ${formatTokens(usage.cacheRead)}`,
    costLine,
    '',
  ].join('\n');
}
