import { compoundTerm, countOf } from '../../code/words';
import type { ProjectFact } from '../../workspace/types';
import type { CodeMap, ServerRoute, SymbolHit } from './code-map';

/**
 * What a mention of code means in its sentence, read as an engineer reads a spec:
 * - `target`: the thing to change or the place new code goes ("expose … on `OrdersController`", "`OrdersPage` must show");
 * - `reuse`: something to use as it is ("measured with `rangeLengthInDays`", "the `Button` from `@shop/web-ui`");
 * - `avoid`: something the spec forbids ("must not use `formatMoney`", "without `lodash`");
 * - `context`: named only to explain (background, comparisons, what exists today).
 */
export type MentionRole = 'target' | 'reuse' | 'avoid' | 'context';

export interface Mention {
  /** As written, without backticks. */
  text: string;
  /** Offset in the requirement's text. */
  at: number;
  role: MentionRole;
  /** What it resolves to in the workspace; `new` when it looks like code and nothing declares it. */
  resolved:
    | { kind: 'file'; path: string }
    | { kind: 'symbol'; hit: SymbolHit; member?: string; memberExists?: boolean }
    | { kind: 'project'; project: ProjectFact }
    | { kind: 'route'; method: string; path: string; existing?: ServerRoute }
    | { kind: 'new'; name: string; owner?: SymbolHit; member?: string };
}

const ROUTE = /\b(GET|POST|PUT|PATCH|DELETE)\s+`?(\/[^\s`'",;)]*)`?/g;
const CODE_SPAN = /`([^`\n]+)`/g;
const BARE_IDENTIFIER = /\b(?:[a-z]+[A-Z][A-Za-z0-9]*|[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*)\b/g;
const MODAL = /\b(must|shall|should|will|needs? to|has to|have to|is required to|may not|can)\b/i;

/** Words just before a mention that say it is forbidden: "must not use", "never call", "without", "instead of". */
const AVOID_BEFORE =
  /\b(?:must not|mustn't|should not|shall not|cannot|can't|do not|don't|never|not|no|without|instead of|rather than|avoid(?:ing)?)(?:\s+(?:use|using|call|calling|import|importing|depend on|rely on|add|adding|duplicate|duplicating|copy|copying|the|a|an|any|its|their))*\s*$/i;
/** Words just before a mention that say it is used as it is. */
const REUSE_BEFORE =
  /\b(?:using|uses?|used|with|via|by|from|reuses?|reusing|same|existing|calls?|calling|delegat\w+ to|based on|follows?|following|of)\s*(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:existing\s+|same\s+|current\s+|shared\s+|private\s+)?$/i;
/** Words just before a mention that make it the place of the change. */
const HOST_BEFORE = /\b(?:on|in|into|to|inside|within|through|under|onto)\s*(?:the\s+|a\s+|an\s+)?(?:existing\s+)?$/i;
const CHANGE_BEFORE =
  /\b(?:add|adds|extend|extends|update|updates|change|changes|modify|modifies|refactor|expose|exposes|implement|implements|create|creates|rename|move|split|register|wire|mount|replace|fix|make|makes|extract|share|shows?|emit|emits|return|returns|restrict|accept|accepts)\s*(?:the\s+|a\s+|an\s+|its\s+)?$/i;
/** A comparison or a neighbour in the same clause: the mention places something, it is not used. */
const BESIDE_BEFORE = /\b(?:alongside|next to|as well as|in addition to|similar to|unlike)\b[^,;]*$/i;
/** A mention followed by "from `@lib`" is a thing taken from there, to use. */
const FROM_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:from|of)\s+`?@/i;
/** A mention followed by these words is what already exists and stays as it is. */
const KEEP_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:already|stays?|remains?|is unchanged|are unchanged|unchanged|as is|as today)\b/i;

/** Things in backticks that are not code names: status codes, MIME types, literals, CLI flags. */
const NOT_CODE = /^(?:\d[\d.,_]*|[\w-]+\/[\w.+-]+;.*|--?[\w-]+|[\w.-]+=[^\s]*|['"].*['"]|true|false|null|undefined)$/;

/**
 * Mentions of code in a text, each resolved against the workspace and given the role its sentence gives it.
 * Names that resolve to nothing but look like code (camelCase, PascalCase, calls) are new code to write.
 */
export function readMentions(text: string, code: CodeMap): Mention[] {
  const mentions: Mention[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (start: number, end: number) => taken.some(([a, b]) => start < b && end > a);
  const push = (raw: string, at: number, length: number, resolved: Mention['resolved'] | undefined) => {
    taken.push([at, at + length]);
    if (resolved) mentions.push({ text: raw, at, role: roleOf(text, at, at + length, resolved), resolved });
  };
  for (const match of text.matchAll(ROUTE)) {
    const path = match[2].replace(/[.`]+$/, '');
    push(`${match[1]} ${path}`, match.index!, match[0].length, resolveRoute(match[1], path, code));
  }
  for (const match of text.matchAll(CODE_SPAN)) {
    const start = match.index!;
    if (overlaps(start, start + match[0].length)) continue;
    for (const name of namesInSpan(match[1])) {
      const resolved = resolveName(name, code);
      if (resolved) push(name, start, match[0].length, resolved);
    }
    taken.push([start, start + match[0].length]);
  }
  for (const match of text.matchAll(BARE_IDENTIFIER)) {
    if (overlaps(match.index!, match.index! + match[0].length)) continue;
    const resolved = resolveName(match[0], code);
    // Outside backticks only declared names count: prose is full of CamelCase product names.
    if (resolved && resolved.kind !== 'new') push(match[0], match.index!, match[0].length, resolved);
  }
  return mentions.sort((a, b) => a.at - b.at);
}

/** The code names in a backticked span: `ordersApi.exportCsv(filters)` → ordersApi.exportCsv; `@Roles('admin')` → Roles. */
function namesInSpan(span: string): string[] {
  const trimmed = span.trim();
  if (NOT_CODE.test(trimmed)) return [];
  if (/^[@\w.-]*\/[\w./-]+$/.test(trimmed) || /^@[\w-]+\/[\w.-]+$/.test(trimmed)) return [trimmed];
  if (/^[\w-]+\.(?:tsx?|jsx?|mjs|cjs|json)$/.test(trimmed)) return [trimmed];
  const call = /^@?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)?)(?:\(.*\))?$/.exec(trimmed);
  if (call) return [call[1]];
  return [];
}

function resolveRoute(method: string, path: string, code: CodeMap): Mention['resolved'] {
  const wanted = code.segments(path);
  const existing = code.routes().find((route) => route.method === method.toUpperCase() && sameSegments(code.segments(route.path), wanted));
  return { kind: 'route', method: method.toUpperCase(), path, existing };
}

function sameSegments(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((part, i) => part === b[i]);
}

/** A path, an import path, a declared name (or `Owner.member`), or new code; undefined for plain words. */
export function resolveName(name: string, code: CodeMap): Mention['resolved'] | undefined {
  if (name.startsWith('@') && name.includes('/')) {
    const project = code.projectByImportPath(name);
    return project ? { kind: 'project', project } : undefined;
  }
  if (name.includes('/') || /\.(?:tsx?|jsx?|mjs|cjs|json)$/.test(name)) {
    const file = code.file(name);
    if (file) return { kind: 'file', path: file.path };
    const project = Object.values(code.facts.projects).find((p) => p.root && p.root === name.replace(/\/$/, ''));
    return project ? { kind: 'project', project } : undefined;
  }
  const [ownerName, member] = name.split('.');
  const owner = code.symbol(ownerName)[0];
  if (owner && member) {
    // Private members are not in the outline, but their name is in the file's text.
    const known = owner.symbol.members.some((m) => m.name === member) || (/[A-Z_]/.test(member) && countOf(owner.file.words.body, compoundTerm(member)) > 0);
    return known ? { kind: 'symbol', hit: owner, member, memberExists: true } : { kind: 'new', name, owner, member };
  }
  if (owner) return { kind: 'symbol', hit: owner };
  if (member) return undefined; // `Order.total`-like names of things the index does not declare
  return looksLikeCode(ownerName) && !code.isWritten(ownerName) ? { kind: 'new', name: ownerName } : undefined;
}

/**
 * camelCase, PascalCase or SCREAMING_CASE: a name a programmer chose, not a word of prose. snake_case in a spec
 * is nearly always data (a column, an event name), not a declaration.
 */
function looksLikeCode(name: string): boolean {
  return /^[a-z]+[A-Z]\w*$/.test(name) || /^[A-Z][a-z0-9]+[A-Z]\w*$/.test(name) || /^[A-Z]+_[A-Z_]+$/.test(name);
}

/** Words just before a name spelled out in prose that say it is used as it is: "determined via the configured tax zone strategy". */
const USE_BEFORE =
  /\b(?:via|using|uses?|used|reuses?|reusing|delegat\w+ to|based on)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:existing\s+|same\s+|current\s+|shared\s+|configured\s+)?$/i;

/** "if no visible fields are configured": a bare "no" before the product's own noun counts it, it forbids nothing. */
const QUANTITY_BEFORE = /\bno\s*$/i;

/**
 * The role a sentence gives a file name spelled out in prose ("the tax zone strategy") starting at `start`:
 * forbidden or used only when the words before it say so plainly, else the place of the change. Prose places
 * work with words that also mean use elsewhere ("cancel orders from the orders page"), so fewer words count.
 */
export function proseRole(text: string, start: number): Extract<MentionRole, 'target' | 'reuse' | 'avoid'> {
  const window = text
    .slice(0, start)
    .split(/[.!?;]\s+/)
    .pop()!
    .split(/\s+/)
    .slice(-6)
    .join(' ');
  if (AVOID_BEFORE.test(window) && !QUANTITY_BEFORE.test(window)) return 'avoid';
  return USE_BEFORE.test(window) ? 'reuse' : 'target';
}

/**
 * The role a sentence gives a mention, from the words around it: forbidden, reused, the host or subject of the
 * change, or only context. The sentence is the span between the sentence ends around the mention.
 */
export function roleOf(text: string, start: number, end: number, resolved: Mention['resolved']): MentionRole {
  const sentenceStart = Math.max(0, ...[...text.slice(0, start).matchAll(/[.!?;]\s+(?=[A-Z`*(])/g)].map((m) => m.index! + m[0].length));
  const sentenceEndMatch = /[.!?;]\s+(?=[A-Z`*(])/.exec(text.slice(end));
  const before = text.slice(sentenceStart, start).replace(/[`*"]/g, '');
  const after = text.slice(end, sentenceEndMatch ? end + sentenceEndMatch.index : undefined);
  const window = before.split(/\s+/).slice(-6).join(' ');
  if (AVOID_BEFORE.test(window)) return 'avoid';
  if (KEEP_AFTER.test(after)) return 'context';
  if (FROM_AFTER.test(after) && resolved.kind !== 'project') return 'reuse';
  // "alongside the per-request line from `RequestLoggingInterceptor`": named to place the new thing, not to use it.
  if (BESIDE_BEFORE.test(before)) return 'context';
  if (CHANGE_BEFORE.test(window)) return 'target';
  if (HOST_BEFORE.test(window) && isContainer(resolved)) return 'target';
  if (REUSE_BEFORE.test(window)) return 'reuse';
  if (resolved.kind === 'new') return 'target';
  const modal = MODAL.exec(text.slice(end, sentenceEndMatch ? end + sentenceEndMatch.index : undefined));
  if (modal) return 'target';
  return 'context';
}

/** What can hold a change: a file, a class or component, a project, a route. */
function isContainer(resolved: Mention['resolved']): boolean {
  return resolved.kind !== 'new' || Boolean(resolved.owner);
}
