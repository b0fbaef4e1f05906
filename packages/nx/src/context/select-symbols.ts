import type { IndexedFile } from '../code/types';
import { splitWords } from '../code/words';
import type { ParsedQuery } from './query';
import type { CodeSymbol } from '../code/types';

const MAX_SYMBOLS = 12;
const MAX_MEMBERS = 10;

/**
 * The declarations of a file worth showing: those the query names or whose names share its words first,
 * then the exported API; members likewise, with the constructor kept (it shows what the class depends on).
 * Shown in file order.
 */
export function selectSymbols(file: IndexedFile, query: ParsedQuery): CodeSymbol[] {
  const chosen = [...file.symbols]
    .map((symbol) => ({ symbol, relevance: relevance(symbol, query) + (symbol.exported ? 0.5 : 0) }))
    .filter(({ symbol, relevance }) => relevance > 0 || symbol.decorators.length > 0)
    .sort((a, b) => b.relevance - a.relevance || a.symbol.line - b.symbol.line)
    .slice(0, MAX_SYMBOLS)
    .map(({ symbol }) => ({ ...symbol, members: selectMembers(symbol.members, query) }));
  return chosen.sort((a, b) => a.line - b.line);
}

function selectMembers(members: CodeSymbol[], query: ParsedQuery): CodeSymbol[] {
  if (members.length <= MAX_MEMBERS) return members;
  const kept = [...members]
    .sort((a, b) => Number(b.name === 'constructor') - Number(a.name === 'constructor') || relevance(b, query) - relevance(a, query) || a.line - b.line)
    .slice(0, MAX_MEMBERS);
  return kept.sort((a, b) => a.line - b.line);
}

/** A named identifier counts most, then each query word in the name, then in the signature or doc. */
function relevance(symbol: CodeSymbol, query: ParsedQuery): number {
  if (query.identifiers.includes(symbol.name)) return 10;
  const name = splitWords(symbol.name).filter((word) => query.words.has(word)).length;
  const text = splitWords(`${symbol.signature} ${symbol.doc ?? ''}`).filter((word) => query.words.has(word)).length;
  return name * 2 + text * 0.25;
}
