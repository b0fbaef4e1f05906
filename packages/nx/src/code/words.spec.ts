import { irregularVerbBase, spelledCompoundTerms, wordCounts, type WordList } from './words';

const asObject = (list: WordList) => Object.fromEntries(Array.from({ length: list.length / 2 }, (_, i) => [list[2 * i], list[2 * i + 1]]));

describe('wordCounts', () => {
  it('counts each word of each identifier, and each compound identifier whole, in the order first seen', () => {
    const list = wordCounts('const orderTotal = orders.map((order) => order.total); // ORDER_TOTAL');
    expect(list.filter((_, i) => i % 2 === 0)).toEqual(['order', 'total', '#ordertotal', 'map', '#order_total']);
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
