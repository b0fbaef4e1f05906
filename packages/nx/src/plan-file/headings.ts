/**
 * Headings are compared as a reader would: case, numbering ("2. Architecture"), a trailing colon or
 * parenthetical and `&` versus `and` do not make a different section. GP001, the check that a model's answer
 * is a plan at all and the drafters share this one comparison, so what one accepts the others accept.
 */
function normalizeHeading(title: string): string {
  return title
    .toLowerCase()
    .replace(/^(?:\d+(?:\.\d+)*\.?|[ivx]+\.)\s+/, '')
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/&/g, 'and')
    .replace(/[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameHeading(a: string, b: string): boolean {
  return normalizeHeading(a) === normalizeHeading(b);
}
