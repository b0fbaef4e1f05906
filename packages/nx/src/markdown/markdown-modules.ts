import type { Root } from 'mdast';
import { loadMarkdownParser } from './parse-markdown';

/**
 * The Markdown parser and markdownlint are ESM-only while this package is built as CommonJS. `import()`
 * survives the `node16` build, so they are loaded once, asynchronously, and then used synchronously: the
 * rules stay plain functions and a plan is parsed once per lint.
 */
export interface MarkdownModules {
  parseMarkdown(text: string): Root;
  markdownlint: typeof import('markdownlint/sync', { with: { 'resolution-mode': 'import' } });
}

let loading: Promise<MarkdownModules> | undefined;
let loaded: MarkdownModules | undefined;

export function loadMarkdownModules(): Promise<MarkdownModules> {
  // One after the other: jest's VM-modules loader fails on concurrent imports that share packages.
  loading ??= loadMarkdownParser()
    .then(async (parseMarkdown) => ({ parseMarkdown, markdownlint: await import('markdownlint/sync') }))
    .then((modules) => (loaded = modules));
  return loading;
}

/** The modules, once `loadMarkdownModules()` has resolved. */
export function markdownModules(): MarkdownModules {
  if (!loaded) throw new Error('groundplan: await loadMarkdownModules() before parsing a plan.');
  return loaded;
}
