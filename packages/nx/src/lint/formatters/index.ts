import type { LintResult } from '../lint-plan';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

/** Renders lint results; `version` is the tool version SARIF records. */
export function formatResults(results: LintResult[], format: Format, version: string): string {
  if (format === 'json') return formatJson(results);
  if (format === 'sarif') return formatSarif(results, version);
  return formatStylish(results);
}
