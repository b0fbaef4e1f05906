import {
  countOf,
  countsOf,
  derivationalRoot,
  hasAny,
  irregularVerbBase,
  spelledCompoundTerms,
  stopListVerbs,
  termList,
  wordCounts,
  wordEntries,
  type WordList,
} from './words';

const asObject = (list: WordList) => Object.fromEntries(wordEntries(list));

describe('wordCounts', () => {
  it('counts each word of each identifier, and each compound identifier whole, in the order first seen', () => {
    const list = wordCounts('const orderTotal = orders.map((order) => order.total); // ORDER_TOTAL');
    expect(wordEntries(list).map(([word]) => word)).toEqual(['order', 'total', '#ordertotal', 'map', '#order_total']);
    expect(asObject(list)).toEqual({ order: 5, total: 3, '#ordertotal': 1, map: 1, '#order_total': 1 });
  });

  it('starts every text from zero: one text leaves no count behind for the next', () => {
    wordCounts('order order order total');
    expect(asObject(wordCounts('order total'))).toEqual({ order: 1, total: 1 });
  });

  it('still counts right once it has forgotten the identifiers it remembered (a long-lived process)', () => {
    // More distinct identifiers than it keeps split: the next text starts with a fresh vocabulary.
    wordCounts(Array.from({ length: 200_001 }, (_, i) => `orderLine${i.toString(36).replace(/\d/g, 'x')}q${i}`).join(' '));
    expect(asObject(wordCounts('orderLine order, orderLine'))).toEqual({ order: 3, line: 2, '#orderline': 2 });
  });
});

describe('reading a word list', () => {
  // Words that are prefixes, suffixes or pairs of one another, a compound, counts of more than one digit, and
  // words of digits alone (h264 → 264), which must never be read where a count is.
  const list = wordCounts(`${'order '.repeat(12)} orderLine line reorder h264 h264 x264 base64`) + termList(['order+line', 'order+line']);

  it.each([
    ['order', 13],
    ['line', 2],
    ['#orderline', 1],
    ['order+line', 2],
    ['reorder', 1],
    ['orde', 0],
    ['rder', 0],
    ['12', 0],
    ['264', 3],
    ['64', 1],
    ['13', 0],
  ])('counts %s %i times', (word, count) => {
    expect(countOf(list, word)).toBe(count);
    expect(countsOf(list, new Set([word, 'absent'])).get(word) ?? 0).toBe(count);
    expect(hasAny(list, new Set([word, 'absent']))).toBe(count > 0);
  });

  it('reads the counts of several words in one pass, and none of no words', () => {
    expect(Object.fromEntries(countsOf(list, new Set(['order+line', 'order', 'line', 'ord'])))).toEqual({ order: 13, line: 2, 'order+line': 2 });
    expect(countsOf(list, new Set()).size).toBe(0);
    expect(hasAny(list, new Set())).toBe(false);
    expect(wordEntries('')).toEqual([]);
  });
});

describe('spelledCompoundTerms', () => {
  it.each([
    ['an immediate capture setting', '#immediatecapture', true],
    ['the remembered active tax zone', '#activetaxzone', true],
    ['the Mollie plugin options', '#molliepluginoptions', true],
    // Punctuation ends a phrase: words on either side of it spell nothing together.
    ['the capture, immediate or not', '#captureimmediate', false],
    // Five words are a sentence, not a name.
    ['apply channel price and tax', '#applychannelpriceandtax', false],
  ])('"%s" spells %s: %s', (text, term, spelled) => {
    expect(spelledCompoundTerms(text).includes(term)).toBe(spelled);
  });
});

describe('irregularVerbBase', () => {
  it.each([
    ['sent', 'send'],
    ['paid', 'pay'],
    ['hidden', 'hide'],
    ['created', undefined],
    ['send', undefined],
  ])('reads %s as a form of %s', (word, base) => {
    expect(irregularVerbBase(word)).toBe(base);
  });
});

describe('stopListVerbs', () => {
  it.each([
    ['After a user adds a password, sessions end', ['add']],
    ['The note is added, then used and made visible', ['add', 'use', 'make']],
    ['Sign in using the setting, as the gets of the API do', ['get']],
    ['Nothing to see here', []],
  ])('reads "%s" as %j', (text, verbs) => {
    expect(stopListVerbs(text)).toEqual(verbs);
  });
});

describe('derivationalRoot', () => {
  it.each([
    ['modification', 'modifier', true],
    ['modifying', 'modify', true],
    ['calculation', 'calculator', true],
    ['validated', 'validator', true],
    ['creation', 'creator', true],
    // Roots shorter than four letters are no roots: a user is not the `us` of `usage`, an order not an `ordinal`.
    ['user', 'usage', false],
    ['order', 'ordinal', false],
    ['general', 'generation', false],
  ])('%s and %s share a root: %s', (a, b, same) => {
    expect(derivationalRoot(a) === derivationalRoot(b)).toBe(same);
  });
});
