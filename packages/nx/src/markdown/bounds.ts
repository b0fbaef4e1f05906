/**
 * Limits on the Markdown that is parsed: the parsers and every tree walk after them recurse once per nesting
 * level, so 5,000 nested blockquotes or 3,000 nested list items overflow the stack, and a 5 MB plan costs
 * gigabytes. Text is measured before it is parsed, in one pass over its lines, and refused with a message
 * that says what is too deep or too large and where.
 */
export const MAX_MARKDOWN_DEPTH = 64;
export const MAX_PLAN_BYTES = 512 * 1024;

export class MarkdownBoundsError extends Error {
  constructor(
    message: string,
    /** 1-based line of the problem (1 for the size). */
    readonly line: number,
  ) {
    super(message);
    this.name = 'MarkdownBoundsError';
  }
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const CONTAINER_MARKER = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]?/;

/**
 * The deepest container nesting of any line, measured without parsing: block quote markers and list markers
 * at the start of a line, plus the indentation (two columns a level), outside fenced code. An upper bound
 * on the parser's nesting, never below it.
 */
export function markdownDepth(text: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 1 };
  let fence: string | undefined;
  let lineNumber = 0;
  for (const line of text.split('\n')) {
    lineNumber += 1;
    const opening = FENCE.exec(line);
    if (fence !== undefined) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length) fence = undefined;
      continue;
    }
    let depth = 0;
    let rest = line;
    let indent = 0;
    for (let match = CONTAINER_MARKER.exec(rest); match && depth <= MAX_MARKDOWN_DEPTH * 4; match = CONTAINER_MARKER.exec(rest)) {
      indent += columns(/^[ \t]*/.exec(rest)![0]);
      depth += 1;
      rest = rest.slice(match[0].length);
    }
    // A marker's indentation nests it in the items above (two columns a level); code indent is not nesting.
    depth += Math.floor(Math.max(0, indent - 3) / 2);
    if (depth > deepest.depth) deepest = { depth, line: lineNumber };
    if (opening) fence = opening[1];
  }
  return deepest;
}

function columns(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

/** Throws a MarkdownBoundsError when `text` is larger than `maxBytes` or nested deeper than the limit. */
export function checkMarkdownBounds(text: string, label: string, maxBytes = MAX_PLAN_BYTES): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > maxBytes) {
    throw new MarkdownBoundsError(`${label} is ${Math.round(bytes / 1024)} KiB, over the ${Math.round(maxBytes / 1024)} KiB limit: split it or trim it.`, 1);
  }
  const { depth, line } = markdownDepth(text);
  if (depth > MAX_MARKDOWN_DEPTH) {
    throw new MarkdownBoundsError(
      `${label} nests block quotes or lists ${depth} levels deep at line ${line}, over the limit of ${MAX_MARKDOWN_DEPTH}: flatten it.`,
      line,
    );
  }
}
