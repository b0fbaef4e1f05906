/** Words that say nothing about where in the code a requirement lands. */
const STOP_WORDS = new Set(
  ('a an and are as at be been by can could do does for from has have i if in into is it its me my of on or our so ' +
    'that the their them then there these they this to us was we were when which while who will with would you your ' +
    'must shall should need needs able want wants user users all any each new via per also only than not no yes ' +
    'get set use used using make made add allow allows support supports given so-that such other more most')
    .split(' '),
);

/** Splits text into lower-case words, breaking camelCase, kebab-case, snake_case and paths. */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1);
}

/** Content words, reduced to a crude stem so "orders"/"order" and "exporting"/"export" meet. */
export function keywords(text: string): string[] {
  return splitWords(text)
    .filter((word) => !STOP_WORDS.has(word) && !/^\d+$/.test(word))
    .map(stem);
}

export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3) + 'y';
  if (word.length > 4 && word.endsWith('es') && /(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  return word;
}

/** "order-export" from a title. */
export function slugify(text: string): string {
  return splitWords(text).slice(0, 6).join('-');
}
