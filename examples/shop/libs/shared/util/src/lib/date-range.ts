/** A half-open range of instants: `from` inclusive, `to` exclusive. */
export interface DateRange {
  from: Date;
  to: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Formats a Date as an ISO calendar date (`2025-03-14`) in UTC. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Parses `YYYY-MM-DD` as UTC midnight; throws on anything else. */
export function parseIsoDate(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new RangeError(`Expected YYYY-MM-DD, got "${value}"`);
  }
  const date = new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || toIsoDate(date) !== value) {
    throw new RangeError(`Invalid calendar date "${value}"`);
  }
  return date;
}

/** Builds a range from optional ISO dates; missing bounds default to the last `defaultDays` days. */
export function dateRangeFrom(from?: string, to?: string, defaultDays = 30, now = new Date()): DateRange {
  const end = to ? parseIsoDate(to) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const start = from ? parseIsoDate(from) : new Date(end.getTime() - defaultDays * DAY_MS);
  if (start >= end) {
    throw new RangeError('Date range "from" must be before "to"');
  }
  return { from: start, to: end };
}

/** Length of a range in whole days (rounded up). */
export function rangeLengthInDays(range: DateRange): number {
  return Math.ceil((range.to.getTime() - range.from.getTime()) / DAY_MS);
}

/** Named presets offered by the dashboard's date picker. */
export type DateRangePreset = 'today' | 'last7' | 'last30' | 'thisMonth';

/** Resolves a preset to a concrete range relative to `now` (UTC). */
export function presetRange(preset: DateRangePreset, now = new Date()): DateRange {
  const startOfToday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const tomorrow = new Date(startOfToday.getTime() + DAY_MS);
  switch (preset) {
    case 'today':
      return { from: startOfToday, to: tomorrow };
    case 'last7':
      return { from: new Date(tomorrow.getTime() - 7 * DAY_MS), to: tomorrow };
    case 'last30':
      return { from: new Date(tomorrow.getTime() - 30 * DAY_MS), to: tomorrow };
    case 'thisMonth':
      return { from: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)), to: tomorrow };
  }
}
