import { parseJsonc } from './jsonc';

describe('parseJsonc', () => {
  it.each([
    ['{ "a": 1 }', { a: 1 }],
    ['{\n  // a comment\n  "a": [1, 2,],\n  /* block */ "b": "x",\n}', { a: [1, 2], b: 'x' }],
    [
      '{ "$schema": "https://example.com/x.json", "s": "a // b /* c */", "q": "say \\"hi\\"," }',
      { $schema: 'https://example.com/x.json', s: 'a // b /* c */', q: 'say "hi",' },
    ],
  ])('%s', (text, value) => expect(parseJsonc(text)).toEqual(value));

  it('returns undefined for text that is not JSON', () => {
    expect(parseJsonc('{ "a": ')).toBeUndefined();
  });
});
