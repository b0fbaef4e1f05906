import { dateRangeFrom, parseIsoDate, presetRange, rangeLengthInDays, toIsoDate } from './date-range';

describe('date ranges', () => {
  const now = new Date('2025-03-14T15:30:00Z');

  it('parses ISO dates as UTC midnight', () => {
    expect(parseIsoDate('2025-02-28').toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });

  it('rejects impossible dates', () => {
    expect(() => parseIsoDate('2025-02-30')).toThrow(RangeError);
  });

  it('defaults to the last 30 days', () => {
    const range = dateRangeFrom(undefined, undefined, 30, now);
    expect(toIsoDate(range.to)).toBe('2025-03-15');
    expect(rangeLengthInDays(range)).toBe(30);
  });

  it('rejects inverted ranges', () => {
    expect(() => dateRangeFrom('2025-03-10', '2025-03-01')).toThrow(/before/);
  });

  it('resolves "thisMonth"', () => {
    expect(toIsoDate(presetRange('thisMonth', now).from)).toBe('2025-03-01');
  });
});
