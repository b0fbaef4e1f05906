import { RULES } from './rules';
import type { RuleMeta, Severity } from './types';

/** Per-rule severities keyed by id (`GP004`) or slug (`forbidden-content`); `warn` is read as `warning`. */
export type SeverityOverrides = Record<string, Severity | 'warn'>;

/** A rules option that names no rule or no severity: the run stops with this, not a silent default. */
export class LintConfigError extends Error {}

/** Each rule's severity: its default, then each set of overrides in turn (plugin options, then the run's). */
export function resolveSeverities(...layers: Array<SeverityOverrides | undefined>): Map<string, Severity> {
  const severities = new Map<string, Severity>(RULES.map((rule) => [rule.id, rule.defaultSeverity]));
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer ?? {})) {
      severities.set(ruleFor(key).id, severityFrom(value, key));
    }
  }
  return severities;
}

function ruleFor(key: string): RuleMeta {
  const rule = RULES.find((r) => r.id === key.toUpperCase() || r.slug === key.toLowerCase());
  if (!rule) throw new LintConfigError(`Unknown lint-plan rule "${key}" in the rules option. Rules: ${RULES.map((r) => `${r.id} (${r.slug})`).join(', ')}.`);
  return rule;
}

function severityFrom(value: unknown, key: string): Severity {
  if (value === 'warn') return 'warning';
  if (value === 'error' || value === 'warning' || value === 'info' || value === 'off') return value;
  throw new LintConfigError(`Rule "${key}" has severity ${JSON.stringify(value)}: use "error", "warning", "info" or "off".`);
}
