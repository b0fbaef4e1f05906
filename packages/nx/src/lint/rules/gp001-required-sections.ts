import { closestNames } from '../../utils/closest';
import type { PlanSection } from '../../plan-file/parse-plan';
import { sameHeading } from '../../plan-file/headings';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  outOfOrder: (title: string, template: string, after: string | undefined) =>
    `Section "${title}" is out of order: template "${template}" puts it after "${after}".`,
  missing: (heading: string, template: string) => `Missing section "${heading}" (template "${template}").`,
  wrongLevel: (title: string, level: number, heading: string, depth: number) =>
    `Section "${title}" must be a level-${level} heading ("${heading}"), not level ${depth}.`,
  empty: (title: string) => `Section "${title}" is empty.`,
};

export const requiredSections: Rule = {
  id: 'GP001',
  slug: 'required-sections',
  description: "The template's sections exist, in order, at their heading level, and are not empty.",
  defaultSeverity: 'error',
  messages: MESSAGES,
  check(plan) {
    const template = plan.template;
    if (!template) return [];
    const reports: RuleReport[] = [];
    const unmatched = new Set(plan.sections);
    // Index in plan.sections just after the last section found in order.
    let cursor = 0;
    let previous: string | undefined;
    for (const expected of template.sections) {
      const heading = `${'#'.repeat(expected.level)} ${expected.title}`;
      const index = plan.sections.findIndex((section, i) => i >= cursor && sameHeading(section.title, expected.title));
      if (index === -1) {
        const earlier = plan.sections.find((section) => sameHeading(section.title, expected.title));
        if (earlier) {
          unmatched.delete(earlier);
          reports.push({ ...at(earlier), ...say(MESSAGES, 'outOfOrder', expected.title, template.id, previous) });
        } else {
          const next = plan.sections[cursor];
          reports.push({
            ...(next ? at(next) : { line: plan.text.split('\n').length, column: 1 }),
            ...say(MESSAGES, 'missing', heading, template.id),
            suggestion: closestNames(
              expected.title,
              [...unmatched].map((section) => section.title),
              1,
            )[0],
          });
        }
        continue;
      }
      const section = plan.sections[index];
      unmatched.delete(section);
      if (section.depth !== expected.level) {
        reports.push({ ...at(section), ...say(MESSAGES, 'wrongLevel', expected.title, expected.level, heading, section.depth) });
      }
      if (isEmpty(section)) reports.push({ ...at(section), ...say(MESSAGES, 'empty', expected.title) });
      cursor = index + 1;
      previous = expected.title;
    }
    return reports;
  },
};

/** Sub-headings and HTML comments alone do not fill a section. */
function isEmpty(section: PlanSection): boolean {
  return section.content.every((node) => node.type === 'heading' || node.type === 'html');
}

function at(section: PlanSection) {
  return { line: section.line, column: section.column };
}
