import type { Nodes } from 'mdast';

/** A 1-based place in the plan's text. */
export interface Located {
  line: number;
  column: number;
}

/** The plain text of a node, code spans included, HTML (comments) left out. */
export function textOf(node: Nodes): string {
  if (node.type === 'html' || node.type === 'yaml') return '';
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

export function startOf(node: Nodes): Located {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

/** Maps character offsets of a text to lines and columns (binary search over the line starts). */
export function offsetLocator(text: string): (offset: number) => Located {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1 };
  };
}
