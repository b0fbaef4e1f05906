import { blocksOf, proseOf } from '../../plan-file/phrases';
import type { Rule, RuleReport } from '../types';

/** What the seeds and templates leave for the writer to fill in. Code is not searched: `{id}` is a route there. */
const PLACEHOLDERS: Array<{ pattern: RegExp; what: string }> = [
  { pattern: /\[(?:NEEDS CLARIFICATION[^\]]*|#{2,}[^\]]*|[A-Z][A-Z0-9 _/#:-]{3,})\]/g, what: 'a placeholder' },
  { pattern: /\{[A-Z][A-Za-z0-9 _-]*\}/g, what: 'a placeholder' },
  { pattern: /\$\{?[A-Z][A-Z0-9_]{2,}\}?/g, what: 'a template variable' },
  { pattern: /<%[\s\S]*?%>/g, what: 'an unrendered template tag' },
  { pattern: /\b(?:TODO|TBD|FIXME|XXX)\b/g, what: 'an unfinished marker' },
];

export const noPlaceholders: Rule = {
  id: 'GP002',
  slug: 'no-placeholders',
  description:
    'No placeholder is left in the prose: `[FEATURE NAME]`, `{Task Title}`, `$ARGUMENTS`, `[NEEDS CLARIFICATION]`, `<%= … %>`, TODO, TBD.',
  defaultSeverity: 'error',
  check(plan) {
    const reports: RuleReport[] = [];
    for (const { node } of blocksOf(plan.tree)) {
      const prose = proseOf(node);
      for (const { pattern, what } of PLACEHOLDERS) {
        for (const match of prose.text.matchAll(pattern)) {
          reports.push({ ...plan.locate(prose.offsetOf(match.index)), message: `"${match[0]}" is ${what}: replace it with the plan's own content.` });
        }
      }
    }
    return reports;
  },
};
