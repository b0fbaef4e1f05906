import { parseQuery } from './query';
import { coChangeSpread, pastWork, projectActivity } from './history';

const history = {
  commits: [
    ['db/aggregate.abstract.ts', 'db/postgres/aggregate.ts', 'db/sqlite/aggregate.ts'],
    ['db/aggregate.abstract.ts', 'db/postgres/aggregate.ts', 'db/sqlite/aggregate.ts', 'db/aggregate.spec.ts'],
    ['db/postgres/aggregate.ts', 'ui/grid.tsx'],
    ['ui/grid.tsx', 'ui/toolbar.tsx'],
  ],
};
const candidates = new Set(['db/aggregate.abstract.ts', 'db/postgres/aggregate.ts', 'db/sqlite/aggregate.ts', 'ui/grid.tsx', 'ui/toolbar.tsx']);

describe('coChangeSpread', () => {
  it('reaches the files that changed with a seed, most to the one that always did', () => {
    const spread = coChangeSpread(history, new Map([['db/aggregate.abstract.ts', 1]]), candidates);
    expect(spread.get('db/sqlite/aggregate.ts')).toBe(1);
    expect(spread.get('db/postgres/aggregate.ts')).toBe(1);
    expect(spread.has('ui/grid.tsx')).toBe(false);
    expect(spread.has('db/aggregate.abstract.ts')).toBe(false);
  });

  it('weighs what each seed says by its score, and only counts candidates (no tests)', () => {
    const spread = coChangeSpread(
      history,
      new Map([
        ['db/postgres/aggregate.ts', 1],
        ['ui/toolbar.tsx', 0.1],
      ]),
      candidates,
    );
    expect(spread.get('db/sqlite/aggregate.ts')!).toBeGreaterThan(spread.get('ui/grid.tsx')!);
    expect(spread.has('db/aggregate.spec.ts')).toBe(false);
  });

  it('is silent without history', () => {
    expect(coChangeSpread({ commits: [] }, new Map([['ui/grid.tsx', 1]]), candidates).size).toBe(0);
  });
});

describe('projectActivity', () => {
  it('counts each commit once per project it touched, relative to the most worked-on project, by the deepest root', () => {
    const activity = projectActivity(history, [
      { name: 'db', root: 'db' },
      { name: 'postgres', root: 'db/postgres' },
      { name: 'ui', root: 'ui' },
      { name: 'root', root: '.' },
    ]);
    expect(Object.fromEntries(activity)).toEqual({ db: 2 / 3, postgres: 1, ui: 2 / 3 });
  });
});

describe('pastWork', () => {
  const past = {
    commits: [['db/postgres/aggregate.ts', 'db/sqlite/aggregate.ts'], ['ui/grid.tsx'], ['ui/toolbar.tsx', 'ui/grid.tsx', 'db/aggregate.spec.ts']],
    messages: [
      'fix: lookup values counted twice in aggregates\n\nThe dfs visited a field once per lookup.',
      'feat: resize grid columns',
      'fix: toolbar layout',
    ],
  };
  const words = (text: string) => parseQuery(text).words;

  it('votes for the files of the commits whose messages match, quoting the best commit', () => {
    const votes = pastWork(past, words('lookup not updated when a field is looked up twice'), candidates);
    expect([...votes.keys()].sort()).toEqual(['db/postgres/aggregate.ts', 'db/sqlite/aggregate.ts']);
    expect(votes.get('db/sqlite/aggregate.ts')).toEqual({ score: 1, subject: 'fix: lookup values counted twice in aggregates' });
  });

  it('gives a file of a small commit more than one of a large commit matched alike, and counts only candidates', () => {
    const votes = pastWork(past, words('grid toolbar'), candidates);
    expect(votes.get('ui/grid.tsx')!.score).toBe(1);
    expect(votes.get('ui/toolbar.tsx')!.score).toBeLessThan(1);
    expect(votes.has('db/aggregate.spec.ts')).toBe(false);
  });

  it('is silent without messages or without a match', () => {
    expect(pastWork(history, words('lookup'), candidates).size).toBe(0);
    expect(pastWork(past, words('billing invoices'), candidates).size).toBe(0);
  });
});
