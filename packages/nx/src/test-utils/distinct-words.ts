/**
 * `count` distinct words that no crafted file holds and no stop list drops (`quotaaa`, `quotaba`, …): the prose a
 * long spec has around its subject, for tests of how a text's length changes its reading.
 */
export function distinctWords(count: number): string {
  const letter = (n: number) => String.fromCharCode(97 + (n % 26));
  return Array.from({ length: count }, (_, i) => `quota${letter(i)}${letter(Math.floor(i / 26))}`).join(' ');
}
