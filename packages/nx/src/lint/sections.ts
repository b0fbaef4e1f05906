import type { PlanSection } from '../plan-file/parse-plan';
import type { ParsedPlan } from './parse-plan';

/**
 * Headings are compared as a reader would: case, numbering ("2. Architecture"), a trailing colon or
 * parenthetical and `&` versus `and` do not make a different section.
 */
function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/^(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/&/g, 'and')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameTitle(a: string, b: string): boolean {
  return normalizeTitle(a) === normalizeTitle(b);
}

/** The plan's section with the template's title, wherever it is. */
export function findSection(plan: ParsedPlan, title: string): PlanSection | undefined {
  return plan.sections.find((section) => sameTitle(section.title, title));
}
