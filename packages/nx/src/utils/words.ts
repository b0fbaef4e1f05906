/** Lower-case words of a name, tag or path, split at camelCase, kebab-case, snake_case and separators (no stemming). */
export function splitWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1);
}

/** "order-export" from a title. */
export function slugify(text: string): string {
  return splitWords(text).slice(0, 6).join('-');
}
