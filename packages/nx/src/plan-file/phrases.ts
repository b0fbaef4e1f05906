import type { Heading, Nodes, Paragraph, PhrasingContent, Root, TableCell } from 'mdast';
import { startOf, textOf, type Located } from '../markdown/nodes';

export type Block = Paragraph | Heading | TableCell;

/** A block of running text (paragraph, heading, table cell) and where it sits. */
export interface BlockInContext {
  node: Block;
  /** Text of the nearest heading above the block (the heading itself for a heading). */
  heading: string;
  /** For a table cell: the text of the other cells of its row. */
  row?: string;
}

/** Paragraphs, headings and table cells in document order; code blocks and HTML are not prose. */
export function blocksOf(tree: Root): BlockInContext[] {
  const blocks: BlockInContext[] = [];
  let heading = '';
  const visit = (node: Nodes): void => {
    if (node.type === 'heading') heading = textOf(node);
    if (node.type === 'paragraph' || node.type === 'heading') blocks.push({ node, heading });
    else if (node.type === 'tableRow') {
      for (const cell of node.children) {
        const row = node.children
          .filter((other) => other !== cell)
          .map(textOf)
          .join(' | ');
        blocks.push({ node: cell, heading, row });
      }
    } else if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);
  return blocks;
}

/** A code span, or the target of a link to a local file. */
export interface CodeToken extends Located {
  value: string;
  kind: 'code' | 'link';
}

/**
 * A block's text with each code span or local link replaced by a token mark, so that sentence patterns
 * ("`Foo` in `libs/x/foo.ts`", "a dependency from `a` to `b`") are matched over real Markdown structure.
 */
export interface Phrase extends BlockInContext {
  /** The text, each token written as TOKEN_MARK(i). */
  text: string;
  tokens: CodeToken[];
  /** gaps[i] is the text just before tokens[i]; the last gap follows the last token. */
  gaps: string[];
}

/** Matches a token mark in `Phrase.text`; group 1 is the token's index. */
export const TOKEN = '\uE000(\\d+)\uE001';

export function phraseOf(block: BlockInContext): Phrase {
  const tokens: CodeToken[] = [];
  const gaps = [''];
  const addToken = (token: CodeToken) => {
    tokens.push(token);
    gaps.push('');
  };
  const visit = (node: PhrasingContent): void => {
    if (node.type === 'text') gaps[gaps.length - 1] += node.value;
    else if (node.type === 'break') gaps[gaps.length - 1] += ' ';
    else if (node.type === 'inlineCode') addToken({ value: node.value, kind: 'code', ...startOf(node) });
    else if (node.type === 'link' && isLocalTarget(node.url)) addToken({ value: node.url, kind: 'link', ...startOf(node) });
    else if ('children' in node) node.children.forEach(visit);
  };
  block.node.children.forEach(visit);
  const text = gaps.map((gap, i) => (i < tokens.length ? `${gap}\uE000${i}\uE001` : gap)).join('');
  return { ...block, text, tokens, gaps };
}

/** Links to files in the repository, not to the web or to an anchor of the plan itself. */
function isLocalTarget(url: string): boolean {
  return url !== '' && !url.startsWith('#') && !url.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

/** A block's prose (code spans left out) with a way back from a match to its place in the plan. */
export interface Prose {
  text: string;
  /** The plan offset of `text[index]`. */
  offsetOf(index: number): number;
}

export function proseOf(block: Block): Prose {
  const runs: Array<{ at: number; offset: number }> = [];
  let text = '';
  const visit = (node: PhrasingContent): void => {
    if (node.type === 'text') {
      runs.push({ at: text.length, offset: node.position?.start.offset ?? 0 });
      text += node.value;
    } else if (node.type === 'inlineCode' || node.type === 'break') text += ' ';
    else if ('children' in node) node.children.forEach(visit);
  };
  block.children.forEach(visit);
  return {
    text,
    offsetOf(index) {
      const run = runs.findLast((r) => r.at <= index) ?? { at: 0, offset: block.position?.start.offset ?? 0 };
      return run.offset + index - run.at;
    },
  };
}
