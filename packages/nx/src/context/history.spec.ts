import { coChangeSpread, projectActivity } from './history';

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
