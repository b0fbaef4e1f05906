import { estimateCost, modelFacts } from './models';
import { formatSummary } from './summary';

describe('cost and summary', () => {
  const usage = { input: 1_000_000, output: 100_000, cacheWrite: 200_000, cacheRead: 2_000_000 };

  it('prices each kind of token at its own rate', () => {
    // Sonnet 5.x: $2 input, $10 output, $2.50 cache write, $0.20 cache read per million.
    expect(estimateCost('claude-sonnet-5-5', usage)).toBeCloseTo(2 + 1 + 0.5 + 0.4, 6);
  });

  it('gives no cost, rather than a guess, for a model it has no price for', () => {
    expect(estimateCost('my-gateway-alias', usage)).toBeUndefined();
    expect(modelFacts('my-gateway-alias').contextWindow).toBe(200_000);
  });

  it('prints tokens of each kind and calls the cost an estimate', () => {
    const text = formatSummary({ model: 'claude-sonnet-5-5', requests: 2, elapsedMs: 12_340, usage });
    expect(text).toBe(
      [
        'Claude claude-sonnet-5-5: 2 requests in 12.3s',
        '  tokens: input 1,000,000 · output 100,000 · cache write 200,000 · cache read 2,000,000',
        '  estimated cost: $3.90 (an estimate from list prices per model family, not a bill)',
        '',
      ].join('\n'),
    );
    expect(formatSummary({ model: 'alias', requests: 1, elapsedMs: 0, usage })).toContain('no price known for "alias"');
  });
});
