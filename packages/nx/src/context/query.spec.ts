import { parseQuery } from './query';

describe('parseQuery', () => {
  const query = parseQuery(
    'feat(store,router-store): add `selectRouteParam` to createFeature\n\nUpdate libs/store/src/feature.ts and router.selectors.ts; bump to 18.1.',
  );

  it('reads the scopes, the identifiers (camelCase or in backticks) and the paths', () => {
    expect(query.title).toBe('feat(store,router-store): add `selectRouteParam` to createFeature');
    expect(query.scopes).toEqual(['store', 'router-store']);
    expect(query.identifiers).toEqual(['selectRouteParam', 'createFeature']);
    expect(query.paths).toEqual(['libs/store/src/feature.ts', 'router.selectors.ts']);
  });

  it('weighs title words over prose words, and matches whole identifiers and adjacent words', () => {
    expect(query.words.get('feature')!).toBeGreaterThan(query.words.get('update')!);
    expect(query.words.get('#createfeature')).toBeGreaterThan(1);
    expect(query.words.has('route+param')).toBe(true);
    expect(query.words.has('router+store')).toBe(true);
  });

  it('looks for versions when a version changes, and for the tools that replace a named one', () => {
    expect(query.words.has('version')).toBe(true);
    expect(parseQuery('migrate unit tests to Vitest').words.get('jest')).toBe(1);
    expect(parseQuery('fix a typo').words.has('version')).toBe(false);
  });

  it('reads nothing from an empty text', () => {
    expect(parseQuery('')).toMatchObject({ title: '', scopes: [], identifiers: [], paths: [] });
    expect(parseQuery('  \n ').words.size).toBe(0);
  });
});
