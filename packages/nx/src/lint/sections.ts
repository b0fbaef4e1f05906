import type { PlanSection } from '../plan-file/parse-plan';
import { sameHeading } from '../plan-file/headings';
import type { ParsedPlan } from './parse-plan';

/** The plan's section with the template's title, wherever it is. */
export function findSection(plan: ParsedPlan, title: string): PlanSection | undefined {
  return plan.sections.find((section) => sameHeading(section.title, title));
}
