// Unit checks of the harness pieces that need no prepared tree: `node --test bench/retrieval/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Bm25Index, isCandidate, rankProjects, tokenize, tokenizeNoStop } from './bm25.mjs';
import { aggregateByRepo, commitMetrics, formatTable, recallAt } from './metrics.mjs';
import { projectOf } from './common.mjs';
import { parseJsonOutput } from './run.mjs';

test('tokenize splits camelCase, acronyms, kebab, snake and paths, lowercased', () => {
  assert.deepEqual(tokenize('createHTTPClient_v2 my-lib/src/index.ts'), ['create', 'http', 'client', 'v2', 'my', 'lib', 'src', 'index', 'ts']);
  assert.deepEqual(tokenize('readProjectConfiguration'), ['read', 'project', 'configuration']);
  assert.deepEqual(tokenizeNoStop('fix the store for signals'), ['fix', 'store', 'signals']);
});

test('candidate filter mirrors the gold set', () => {
  assert.ok(isCandidate('modules/signals/src/state-source.ts'));
  assert.ok(isCandidate('projects/www/src/test-setup.ts'));
  assert.ok(isCandidate('modules/effects/schematics-core/jest.config.ts'));
  assert.ok(!isCandidate('modules/signals/src/state-source.spec.ts'));
  assert.ok(!isCandidate('a/b.test.ts'));
  assert.ok(!isCandidate('a/schema.d.ts'));
  assert.ok(!isCandidate('e2e/utils/index.ts'));
  assert.ok(!isCandidate('modules/router-store/spec/utils.ts'));
  assert.ok(!isCandidate('node_modules/x/index.ts'));
  assert.ok(!isCandidate('dist/packages/x/index.ts'));
  assert.ok(!isCandidate('a/b.tsx'));
});

test('BM25 ranks the matching document first', () => {
  const idx = new Bm25Index([
    { id: 'a.ts', text: 'a.ts\nexport const store = createStore();' },
    { id: 'b.ts', text: 'b.ts\nexport function withEffects() {}' },
    { id: 'c.ts', text: 'c.ts\nconst x = 1;' },
  ]);
  const r = idx.search('add withEffects support');
  assert.equal(r[0].id, 'b.ts');
  assert.equal(r.length, 1);
});

test('projects: longest root wins, workspace root project last', () => {
  const projects = [{ name: 'signals-rxjs', root: 'modules/signals/rxjs-interop' }, { name: 'signals', root: 'modules/signals' }, { name: 'root', root: '' }]
    .sort((a, b) => b.root.length - a.root.length);
  assert.equal(projectOf(projects, 'modules/signals/rxjs-interop/src/x.ts'), 'signals-rxjs');
  assert.equal(projectOf(projects, 'modules/signals/src/x.ts'), 'signals');
  assert.equal(projectOf(projects, 'modules/signalsx/src/x.ts'), 'root');
  const ranked = [{ id: 'modules/signals/src/a.ts', score: 3 }, { id: 'modules/signals/rxjs-interop/b.ts', score: 2.5 }, { id: 'modules/signals/rxjs-interop/c.ts', score: 2.5 }];
  assert.deepEqual(rankProjects(ranked, projects), ['signals', 'signals-rxjs']);
  assert.deepEqual(rankProjects(ranked, projects, 'sum-top5'), ['signals-rxjs', 'signals']);
});

test('metrics per commit and aggregated', () => {
  const row = { gold: ['a.ts', 'b.ts'], gold_project: 'p' };
  assert.equal(recallAt(row.gold, ['x', 'a.ts'], 5), 0.5);
  const m1 = commitMetrics(row, { files: ['a.ts', './b.ts'], projects: ['p'] });
  assert.deepEqual(m1, { r5: 1, r10: 1, r20: 1, all10: 1, proj1: 1 });
  const m2 = commitMetrics(row, { files: [...Array(10).fill('x'), 'a.ts'], projects: ['q', 'p'], tokens: 100 });
  assert.deepEqual(m2, { r5: 0, r10: 0, r20: 0.5, all10: 0, proj1: 0, tokens: 100 });
  const agg = aggregateByRepo([{ repo: 'r1', metrics: m1 }, { repo: 'r1', metrics: m2 }, { repo: 'r2', metrics: m1 }]);
  assert.deepEqual(agg.map((g) => [g.group, g.n, g.r10]), [['r1', 2, 0.5], ['r2', 1, 1], ['overall', 3, 2 / 3]]);
  assert.match(formatTable(agg.map((g) => ({ ranker: 'bm25', ...g }))), /overall\s+3\s+0\.667\s+0\.667/);
});

test('Groundplan output parsing tolerates log lines', () => {
  assert.deepEqual(parseJsonOutput('{"files":[]}'), { files: [] });
  assert.deepEqual(parseJsonOutput('note: x\n{"files":[{"path":"a.ts"}],"tokens":3}\n'), { files: [{ path: 'a.ts' }], tokens: 3 });
});
