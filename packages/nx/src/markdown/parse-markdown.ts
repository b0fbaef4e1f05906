import type { Root } from 'mdast';

let parser: Promise<(text: string) => Root> | undefined;

/**
 * Markdown → mdast with GFM task lists and tables, and YAML frontmatter. The unified/micromark packages are
 * ESM-only, so they are loaded once with import(), which the CommonJS build keeps as a real dynamic import.
 * Only the GFM parts plans use: the full set (autolink literals, footnotes, strikethrough) doubles the parse
 * time, and lint-plan parses every plan on every run.
 */
export function loadMarkdownParser(): Promise<(text: string) => Root> {
  parser ??= (async () => {
    // One at a time: jest's VM-modules loader races when ESM graphs that share packages load concurrently.
    const { fromMarkdown } = await import('mdast-util-from-markdown');
    const { gfmTable } = await import('micromark-extension-gfm-table');
    const { gfmTableFromMarkdown } = await import('mdast-util-gfm-table');
    const { gfmTaskListItem } = await import('micromark-extension-gfm-task-list-item');
    const { gfmTaskListItemFromMarkdown } = await import('mdast-util-gfm-task-list-item');
    const { frontmatter } = await import('micromark-extension-frontmatter');
    const { frontmatterFromMarkdown } = await import('mdast-util-frontmatter');
    const options = {
      extensions: [gfmTable(), gfmTaskListItem(), frontmatter(['yaml'])],
      mdastExtensions: [gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
    };
    return (text: string) => fromMarkdown(text, options);
  })();
  return parser;
}

/** The plain text of a node and its children (inline code keeps its backticks, so paths stay recognisable). */
export function nodeText(node: unknown): string {
  const n = node as { type: string; value?: string; children?: unknown[] };
  if (n.type === 'inlineCode') return `\`${n.value}\``;
  if (typeof n.value === 'string') return n.value;
  if (n.type === 'break') return ' ';
  return (n.children ?? []).map(nodeText).join('');
}
