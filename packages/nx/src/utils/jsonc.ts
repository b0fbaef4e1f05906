/**
 * Parses JSON with comments and trailing commas (tsconfig files), or returns undefined. Written out rather than
 * borrowed from TypeScript or Nx so that reading a tsconfig loads neither: a warm run parses no source file.
 */
export function parseJsonc<T>(text: string): T | undefined {
  try {
    return JSON.parse(withoutTrailingCommas(withoutComments(text))) as T;
  } catch {
    return undefined;
  }
}

function withoutComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const [char, next] = [text[i], text[i + 1]];
    if (char === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (char === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else out += char;
  }
  return out;
}

/** Index just past the string literal that starts at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function withoutTrailingCommas(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (text[i] === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) continue;
    else out += text[i];
  }
  return out;
}
