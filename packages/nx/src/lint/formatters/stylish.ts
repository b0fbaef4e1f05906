import { totals, type LintResult } from '../lint-plan';

/** ESLint's "stylish" layout: findings under each file, then a count. */
export function formatStylish(results: LintResult[]): string {
  const withFindings = results.filter((result) => result.findings.length > 0);
  if (withFindings.length === 0) return `✔ ${results.length} plan${results.length === 1 ? '' : 's'} checked, no problems.\n`;
  const blocks = withFindings.map((result) => {
    const rows = result.findings.map((f) => [
      `${f.line}:${f.column}`,
      f.severity,
      f.suggestion ? `${f.message} Did you mean "${f.suggestion}"?` : f.message,
      `${f.ruleId}/${f.slug}`,
    ]);
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
    return [
      result.file,
      ...rows.map(([place, severity, message, rule]) => `  ${place.padEnd(widths[0])}  ${severity.padEnd(widths[1])}  ${message}  ${rule}`),
    ].join('\n');
  });
  const { errorCount: errors, warningCount: warnings } = totals(results);
  const total = errors + warnings;
  const infos = results.reduce((sum, result) => sum + result.findings.filter((f) => f.severity === 'info').length, 0);
  const notes = infos > 0 ? `${total > 0 ? ', ' : ''}${infos} info` : '';
  if (total === 0) return `${blocks.join('\n\n')}\n\n✔ ${results.length} plan${results.length === 1 ? '' : 's'} checked, no problems (${infos} info)\n`;
  return `${blocks.join('\n\n')}\n\n✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${notes})\n`;
}
