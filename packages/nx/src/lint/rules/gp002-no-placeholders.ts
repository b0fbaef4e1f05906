import { blocksOf, proseOf } from '../../plan-file/phrases';
import { say, type Rule, type RuleReport } from '../types';

/** What the seeds and templates leave for the writer to fill in. Code is not searched: `{id}` is a route there. */
const PLACEHOLDERS: Array<{ pattern: RegExp; messageId: keyof typeof MESSAGES }> = [
  { pattern: /\[(?:NEEDS CLARIFICATION[^\]]*|#{2,}[^\]]*|[A-Z][A-Z0-9 _/#:-]{3,})\]/g, messageId: 'placeholder' },
  { pattern: /\{[A-Z][A-Za-z0-9 _-]*\}/g, messageId: 'placeholder' },
  { pattern: /\$\{?[A-Z][A-Z0-9_]{2,}\}?/g, messageId: 'templateVariable' },
  { pattern: /<%[\s\S]*?%>/g, messageId: 'templateTag' },
  { pattern: /\b(?:TODO|TBD|FIXME|XXX)\b/g, messageId: 'unfinished' },
];

const fill = (what: string) => (text: string) => `"${text}" is ${what}: replace it with the plan's own content.`;
export const MESSAGES = {
  placeholder: fill('a placeholder'),
  templateVariable: fill('a template variable'),
  templateTag: fill('an unrendered template tag'),
  unfinished: fill('an unfinished marker'),
};

export const noPlaceholders: Rule = {
  id: 'GP002',
  slug: 'no-placeholders',
  description: 'No placeholder is left in the prose: `[FEATURE NAME]`, `{Task Title}`, `$ARGUMENTS`, `[NEEDS CLARIFICATION]`, `<%= … %>`, TODO, TBD.',
  defaultSeverity: 'error',
  messages: MESSAGES,
  check(plan) {
    const reports: RuleReport[] = [];
    for (const { node } of blocksOf(plan.tree)) {
      const prose = proseOf(node);
      for (const { pattern, messageId } of PLACEHOLDERS) {
        for (const match of prose.text.matchAll(pattern)) {
          reports.push({ ...plan.locate(prose.offsetOf(match.index)), ...say(MESSAGES, messageId, match[0]) });
        }
      }
    }
    return reports;
  },
};
