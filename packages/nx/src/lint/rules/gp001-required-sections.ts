import { closestNames } from '../../utils/closest';
import type { PlanSection } from '../../plan-file/parse-plan';
import { sameHeading } from '../../plan-file/headings';
import type { Rule, RuleReport } from '../types';

export const requiredSections: Rule = {
  id: 'GP001',
  slug: 'required-sections',
  description:
    'The template\'s sections exist, in order, at their heading level, and are not empty.',
  defaultSeverity: 'error',
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
          reports.push({ ...at(earlier), message: `Section "${expected.title}" is out of order: template "${template.id}" puts it after "${previous}".` });
        } else {
          const next = plan.sections[cursor];
          reports.push({
            ...(next ? at(next) : { line: plan.text.split('\n').length, column: 1 }),
            message: `Missing section "${heading}" (template "${template.id}").`,
            suggestion: closestNames(expected.title, [...unmatched].map((section) => section.title), 1)[0],
          });
        }
        continue;
      }
      const section = plan.sections[index];
      unmatched.delete(section);
      if (section.depth !== expected.level) {
        reports.push({ ...at(section), message: `Section "${expected.title}" must be a level-${expected.level} heading ("${heading}"), not level ${section.depth}.` });
      }
      if (isEmpty(section)) reports.push({ ...at(section), message: `Section "${expected.title}" is empty.` });
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
