import { distinctWords } from '../test-utils/distinct-words';
import { markdownSections, MAX_QUERY_TERMS, parseQuery, QUERY_WEIGHTS, SHORT_TEXT_WORDS } from './query';

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

  it('reads a commit\'s type as no word of the work, and the same word in its prose as one ("CI mode" and `isCi`)', () => {
    expect(parseQuery('ci: cache the node modules').words.has('ci')).toBe(false);
    expect(parseQuery('feat: skip the prompts in CI mode').words.has('ci')).toBe(true);
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

  it.each([
    ['a commit message', 'fix(orders): keep the order total when a refund fails', 0],
    ['a task of SHORT_TEXT_WORDS distinct words', distinctWords(SHORT_TEXT_WORDS), 0],
    ['a spec of twice as many', distinctWords(2 * SHORT_TEXT_WORDS), 0.5],
    ['a spec of four times as many', distinctWords(4 * SHORT_TEXT_WORDS), 0.75],
  ])('reads how verbose the text is: %s', (_, text, verbosity) => {
    expect(parseQuery(text).verbosity).toBeCloseTo(verbosity, 6);
  });

  it.each([
    ['a feature', 'feat: export orders to CSV and import them back', ['export', 'import'], []],
    ['module syntax', 'fix(stencil): export default for all generators; use import type', ['generator'], ['export', 'default', 'import']],
  ])('reads export and import as words of %s, not of the syntax a text names', (_, text, kept, dropped) => {
    const { words } = parseQuery(text);
    for (const word of kept) expect(words.has(word)).toBe(true);
    for (const word of dropped) expect(words.has(word)).toBe(false);
  });

  it("weighs a long text's title up to 1 + longTitle times, by its verbosity: the body repeats everyday words", () => {
    const body = `## Requirements\n${'Each order keeps its order total. '.repeat(5)}`;
    const short = parseQuery(`# Refund gateway\n\n${body}`);
    const long = parseQuery(`# Refund gateway\n\n${body}${distinctWords(3 * SHORT_TEXT_WORDS)}`);
    expect(short.verbosity).toBe(0);
    expect(long.words.get('gateway')! / short.words.get('gateway')!).toBeCloseTo(1 + QUERY_WEIGHTS.longTitle * long.verbosity, 6);
    expect(long.words.get('order')).toBe(short.words.get('order'));
  });

  it('reads nothing from an empty text', () => {
    expect(parseQuery('')).toMatchObject({ title: '', scopes: [], identifiers: [], paths: [] });
    expect(parseQuery('  \n ').words.size).toBe(0);
  });

  describe('a Markdown PRD', () => {
    const PRD = [
      '# PRD: Order export',
      '',
      '## 1. Background',
      'Admins reconcile invoices by hand every month.',
      '',
      '## 2. Non-goals',
      '- Scheduled exports through `NotificationsQueue`; PDF or XLSX formats.',
      '- Changes to libs/notifications/src/queue.ts.',
      '',
      '## 3. Functional requirements',
      '### API',
      '- `OrdersController` exposes a CSV download of the filtered orders.',
      '```ts',
      '# not a heading inside a fence',
      '```',
      '## 4. Acceptance criteria',
      '- The download holds the same rows as the orders table.',
    ].join('\n');
    const query = parseQuery(PRD);

    it('drops the non-goals: their words, identifiers and paths are not looked for', () => {
      expect(query.words.has('pdf')).toBe(false);
      expect(query.words.has('xlsx')).toBe(false);
      expect(query.identifiers).not.toContain('NotificationsQueue');
      expect(query.paths).not.toContain('libs/notifications/src/queue.ts');
      expect(query.text).not.toContain('notificationsqueue');
      expect(query.identifiers).toContain('OrdersController');
    });

    it('keeps the words only the non-goals use, to subtract: not those the rest of the text uses too', () => {
      expect([...query.excluded]).toEqual(expect.arrayContaining(['pdf', 'xlsx', 'notification', 'queue', 'scheduled']));
      expect(query.excluded.has('export')).toBe(false);
      expect(query.excluded.has('goal')).toBe(false);
      expect(parseQuery('fix(orders): keep the order total when a refund fails').excluded.size).toBe(0);
    });

    it('does not subtract what a non-goal names by negation ("non-grid views" leaves the grid in)', () => {
      const excluded = parseQuery('# Export\n\n## Requirements\n- Export a view as CSV.\n\n## Non-goals\n- Export of non-grid views, such as kanban.').excluded;
      expect(excluded.has('kanban')).toBe(true);
      expect(excluded.has('grid')).toBe(false);
    });

    it('weighs requirements and acceptance criteria over the background', () => {
      expect(query.words.get('csv')!).toBeGreaterThan(query.words.get('invoice')!);
      expect(query.words.get('row')!).toBeGreaterThan(query.words.get('invoice')!);
      expect(query.words.get('invoice')!).toBeGreaterThan(0);
    });

    it("cuts at headings outside code fences; sub-headings of no known kind take their parent's weight", () => {
      const sections = markdownSections(PRD.slice(PRD.indexOf('\n')));
      expect(sections.map((s) => [s.text.split('\n')[0], s.weight])).toEqual([
        ['1. Background', 0.4],
        ['2. Non-goals', 0],
        ['3. Functional requirements', 1],
        ['API', 1],
        ['4. Acceptance criteria', 1],
      ]);
      expect(markdownSections('plain text\nwithout headings')).toEqual([{ text: 'plain text\nwithout headings', weight: 1 }]);
    });

    it('keeps the number of terms bounded however long the input grows', () => {
      const letter = (n: number) => String.fromCharCode(97 + (n % 26));
      const long = Array.from({ length: 3000 }, (_, i) => `w${letter(i)}${letter(i / 26)}${letter(i / 676)}`).join(' ');
      const parsed = parseQuery(`feat: a title\n\n${long}`);
      expect(parsed.words.size).toBe(MAX_QUERY_TERMS);
      expect(parsed.words.has('title')).toBe(true);
    });
  });
});
