import { totals, type LintResult } from '../lint-plan';

/** Machine-readable results: one entry per plan, findings included, and the totals. */
export function formatJson(results: LintResult[]): string {
  return `${JSON.stringify({ ...totals(results), results }, null, 2)}\n`;
}
