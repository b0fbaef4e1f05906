import { blocksOf, proseOf } from '../../plan-file/phrases';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  forbidden: (template: string, what: string, text: string) => `Template "${template}" forbids ${what}: "${text}".`,
};

export const forbiddenContent: Rule = {
  id: 'GP004',
  slug: 'forbidden-content',
  description: "Nothing the template's `forbidden` patterns exclude (time estimates, week scheduling, owners, deployment steps…).",
  defaultSeverity: 'error',
  messages: MESSAGES,
  check(plan) {
    const template = plan.template;
    if (!template || template.forbidden.length === 0) return [];
    const forbidden = template.forbidden.map((rule) => ({ ...rule, regexp: new RegExp(rule.pattern, 'giu') }));
    const reports: RuleReport[] = [];
    for (const { node } of blocksOf(plan.tree)) {
      const prose = proseOf(node);
      for (const rule of forbidden) {
        for (const match of prose.text.matchAll(rule.regexp)) {
          if (match[0] === '') continue;
          reports.push({
            ...plan.locate(prose.offsetOf(match.index)),
            ...say(MESSAGES, 'forbidden', template.id, rule.description, match[0].trim()),
          });
        }
      }
    }
    return reports;
  },
};
