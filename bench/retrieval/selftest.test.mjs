// Unit checks of the harness pieces that need no prepared tree: `node --test bench/retrieval/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Bm25Index, isCandidate, rankProjects, tokenize, tokenizeNoStop } from './bm25.mjs';
import { REFERENCE_BM25_SETS, aggregateByRepo, aggregateBySet, commitMetrics, formatTable, goldProjects, recallAt } from './metrics.mjs';
import { DATA_SETS, REPOS, projectOf, selectSets, setName } from './common.mjs';
import { nxInitJson } from './prepare.mjs';
import { evaluate, parseJsonOutput } from './run.mjs';

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
  const projects = [
    { name: 'signals-rxjs', root: 'modules/signals/rxjs-interop' },
    { name: 'signals', root: 'modules/signals' },
    { name: 'root', root: '' },
  ].sort((a, b) => b.root.length - a.root.length);
  assert.equal(projectOf(projects, 'modules/signals/rxjs-interop/src/x.ts'), 'signals-rxjs');
  assert.equal(projectOf(projects, 'modules/signals/src/x.ts'), 'signals');
  assert.equal(projectOf(projects, 'modules/signalsx/src/x.ts'), 'root');
  const ranked = [
    { id: 'modules/signals/src/a.ts', score: 3 },
    { id: 'modules/signals/rxjs-interop/b.ts', score: 2.5 },
    { id: 'modules/signals/rxjs-interop/c.ts', score: 2.5 },
  ];
  assert.deepEqual(rankProjects(ranked, projects), ['signals', 'signals-rxjs']);
  assert.deepEqual(rankProjects(ranked, projects, 'sum-top5'), ['signals-rxjs', 'signals']);
});

test('metrics per commit and aggregated', () => {
  const row = { gold: ['a.ts', 'b.ts'], gold_project: 'p' };
  assert.equal(recallAt(row.gold, ['x', 'a.ts'], 5), 0.5);
  const m1 = commitMetrics(row, { files: ['a.ts', './b.ts'], projects: ['p'] });
  assert.deepEqual(m1, { r5: 1, r10: 1, r10ts: 1, r20: 1, all10: 1, proj1: 1, proj1t: 1 });
  const m2 = commitMetrics(row, { files: [...Array(10).fill('x.tsx'), 'a.ts'], projects: ['q', 'p'], tokens: 100 });
  assert.deepEqual(m2, { r5: 0, r10: 0, r10ts: 0.5, r20: 0.5, all10: 0, proj1: 0, proj1t: 0, tokens: 100 });
  const agg = aggregateByRepo([
    { repo: 'r1', metrics: m1 },
    { repo: 'r1', metrics: m2 },
    { repo: 'r2', metrics: m1 },
  ]);
  assert.deepEqual(
    agg.map((g) => [g.group, g.n, g.r10]),
    [
      ['r1', 2, 0.5],
      ['r2', 1, 1],
      ['overall', 3, 2 / 3],
    ],
  );
  assert.match(formatTable(agg.map((g) => ({ ranker: 'bm25', ...g }))), /overall\s+3\s+0\.667\s+0\.667/);
});

test('Groundplan output parsing tolerates log lines', () => {
  assert.deepEqual(parseJsonOutput('{"files":[]}'), { files: [] });
  assert.deepEqual(parseJsonOutput('note: x\n{"files":[{"path":"a.ts"}],"tokens":3}\n'), { files: [{ path: 'a.ts' }], tokens: 3 });
});

// --- tie-aware project metric (Proj@1*) ---

const GRAPH = [
  { name: 'lib-a', root: 'libs/a' },
  { name: 'lib-b', root: 'libs/b' },
  { name: 'app', root: 'apps/app' },
].sort((x, y) => y.root.length - x.root.length);

test('goldProjects: the projects holding the most gold files, ties kept, gold_project always in', () => {
  const tie = { gold: ['libs/a/x.ts', 'libs/b/y.ts', 'apps/app/z.ts', 'libs/a/w.ts', 'libs/b/v.ts'], gold_project: 'lib-a' };
  assert.deepEqual(goldProjects(tie, GRAPH), ['lib-a', 'lib-b']);
  const clear = { gold: ['libs/a/x.ts', 'libs/a/w.ts', 'libs/b/y.ts'], gold_project: 'lib-a' };
  assert.deepEqual(goldProjects(clear, GRAPH), ['lib-a']);
  // files no project owns count for none; without a graph only gold_project
  assert.deepEqual(goldProjects({ gold: ['tools/x.ts', 'libs/b/y.ts'], gold_project: 'lib-b' }, GRAPH), ['lib-b']);
  assert.deepEqual(goldProjects(tie, null), ['lib-a']);
  // the data's gold_project is kept even where the graph would pick another
  assert.deepEqual(goldProjects({ gold: ['libs/b/y.ts'], gold_project: 'lib-a' }, GRAPH), ['lib-a', 'lib-b']);
});

test('Proj@1* counts a tied project as a hit, Proj@1 does not', () => {
  const row = { gold: ['libs/a/x.ts', 'libs/b/y.ts'], gold_project: 'lib-a' };
  const b = commitMetrics(row, { files: [], projects: ['lib-b', 'lib-a'] }, { projects: GRAPH });
  assert.equal(b.proj1, 0);
  assert.equal(b.proj1t, 1);
  const a = commitMetrics(row, { files: [], projects: ['lib-a'] }, { projects: GRAPH });
  assert.deepEqual([a.proj1, a.proj1t], [1, 1]);
  const app = commitMetrics(row, { files: [], projects: ['app', 'lib-a'] }, { projects: GRAPH });
  assert.deepEqual([app.proj1, app.proj1t], [0, 0]);
  const none = commitMetrics(row, { files: [], projects: [] }, { projects: GRAPH });
  assert.deepEqual([none.proj1, none.proj1t], [0, 0]);
  // a given tie set wins over the graph
  assert.equal(commitMetrics(row, { files: [], projects: ['app'] }, { tied: ['lib-a', 'app'] }).proj1t, 1);
  // no majority: lib-a holds 2 of 3 gold files, so lib-b is a miss
  const maj = { gold: ['libs/a/x.ts', 'libs/a/z.ts', 'libs/b/y.ts'], gold_project: 'lib-a' };
  assert.equal(commitMetrics(maj, { files: [], projects: ['lib-b'] }, { projects: GRAPH }).proj1t, 0);
});

test('aggregateBySet: per set repos and overall, then the union; the table shows the set and Proj@1*', () => {
  const m = (r10, proj1, proj1t) => ({ r5: 0, r10, r10ts: r10, r20: 0, all10: 0, proj1, proj1t });
  const agg = aggregateBySet([
    { set: 'dev', repo: 'o/x', metrics: m(1, 1, 1) },
    { set: 'dev', repo: 'o/y', metrics: m(0, 0, 0) },
    { set: 'apps', repo: 'o/z', metrics: m(0.5, 0, 1) },
    { set: 'apps', repo: 'o/z', metrics: m(0.5, 0, 0) },
  ]);
  assert.deepEqual(
    agg.map((g) => [g.set, g.group, g.n, g.r10, g.proj1, g.proj1t]),
    [
      ['dev', 'o/x', 1, 1, 1, 1],
      ['dev', 'o/y', 1, 0, 0, 0],
      ['dev', 'overall', 2, 0.5, 0.5, 0.5],
      ['apps', 'o/z', 2, 0.5, 0, 0.5],
      ['apps', 'overall', 2, 0.5, 0, 0.5],
      ['all', 'overall', 4, 0.5, 0.25, 0.5],
    ],
  );
  // one set: no union row
  assert.deepEqual(
    aggregateBySet([{ set: 'dev', repo: 'o/x', metrics: m(1, 1, 1) }]).map((g) => g.group),
    ['o/x', 'overall'],
  );
  const text = formatTable(agg.map((g) => ({ ranker: 'bm25', ...g })));
  assert.match(text.split('\n')[0], /^ranker\s+set\s+repo\s+n\s+R@5\s+R@10\s+R@10\.ts\s+R@20\s+All@10\s+Proj@1\s+Proj@1\*$/);
  assert.match(text, /bm25\s+all\s+overall\s+4\s+0\.000\s+0\.500\s+0\.500\s+0\.000\s+0\.000\s+0\.250\s+0\.500/);
  // the apps reference: tie-aware overall consistent with its per-repo figures
  const ref = REFERENCE_BM25_SETS.apps;
  assert.ok(Math.abs((ref['teableio/teable'].proj1t + ref['vendure-ecommerce/vendure'].proj1t) / 2 - ref.overall.proj1t) < 0.001);
});

test('sets: names, selection, new repos set up by nx init', () => {
  assert.equal(setName(DATA_SETS.dev), 'dev');
  assert.equal(setName(DATA_SETS.apps), 'apps');
  assert.equal(setName('/x/my-set.jsonl'), 'my-set');
  assert.deepEqual(
    selectSets({}).map((s) => s.set),
    ['dev', 'apps'],
  );
  assert.deepEqual(
    selectSets({ set: 'apps' }).map((s) => s.set),
    ['apps'],
  );
  assert.deepEqual(selectSets({ data: DATA_SETS.apps, set: 'dev' }), [{ set: 'apps', file: DATA_SETS.apps }]);
  assert.deepEqual(
    selectSets({ set: 'dev,apps,prd' }).map((s) => s.set),
    ['dev', 'apps', 'prd'],
  );
  assert.throws(() => selectSets({ set: 'nope' }), /unknown set/);
  assert.ok(REPOS['teableio/teable'].nxInit && REPOS['vendure-ecommerce/vendure'].nxInit);
  assert.ok(!REPOS['ngrx/platform'].nxInit);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-selftest-'));
  try {
    assert.equal(nxInitJson(dir).pluginsConfig, undefined);
    fs.writeFileSync(path.join(dir, 'pnpm-lock.yaml'), '');
    assert.deepEqual(nxInitJson(dir).pluginsConfig, { '@nx/js': { analyzeLockfile: false } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the PRD set: rows of the apps commits, told without paths, packages or code names', () => {
  const rows = fs
    .readFileSync(DATA_SETS.prd, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  assert.equal(rows.length, 28);
  for (const row of rows) {
    assert.ok(REPOS[row.repo]?.nxInit, row.repo);
    assert.match(row.query, /^# PRD: .+\n[\s\S]*## Non-goals[\s\S]*## Acceptance criteria/);
    assert.ok(row.gold.length > 0 && row.gold_project && row.parent.length === 40);
    // What the text must not say: where the code is (a path, a file, a package) or what it is called (camelCase, backticks).
    assert.doesNotMatch(row.query, /\b(apps|packages|libs|plugins|src)\/|\b\w+\.tsx?\b|@(teable|vendure)\/|`|\b[a-z]+[A-Z][a-z]\w*/, row.sha);
  }
});

test('evaluate: sets, tie-aware metric from the stored graph, jobs for concurrent rankers', async () => {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'gp-selftest-'));
  try {
    const rows = [];
    for (const [set, repo] of [
      ['dev', 'o/one'],
      ['apps', 'o/two'],
    ]) {
      for (const parent of ['p1', 'p2']) {
        const tree = path.join(cache, 'trees', repo.replace('/', '__'), parent);
        fs.mkdirSync(tree, { recursive: true });
        fs.writeFileSync(path.join(tree, '.gp-tree-ok'), '');
        const g = path.join(cache, 'graphs', repo.replace('/', '__'), `${parent}.json`);
        fs.mkdirSync(path.dirname(g), { recursive: true });
        fs.writeFileSync(g, JSON.stringify({ graph: { nodes: { 'lib-a': { data: { root: 'libs/a' } }, 'lib-b': { data: { root: 'libs/b' } } } } }));
        rows.push({ set, repo, sha: `${parent}sha`, parent, query: 'q', gold: ['libs/a/x.ts', 'libs/b/y.ts'], gold_project: 'lib-a' });
      }
    }
    let running = 0;
    let peak = 0;
    const ranker = async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return { files: ['libs/b/y.ts'], projects: ['lib-b'] };
    };
    ranker.concurrent = true;
    const { rows: table, perCommit } = await evaluate(rows, { fake: ranker }, { cache, log: () => {}, jobs: 2 });
    assert.equal(peak, 2);
    assert.deepEqual(
      perCommit.map((r) => [r.set, r.repo, r.parent]),
      rows.map((r) => [r.set, r.repo, r.parent]),
    );
    assert.deepEqual(perCommit[0].gold_projects_tied, ['lib-a', 'lib-b']);
    assert.deepEqual(
      table.map((t) => [t.set, t.group, t.n, t.r10, t.proj1, t.proj1t]),
      [
        ['dev', 'o/one', 2, 0.5, 0, 1],
        ['dev', 'overall', 2, 0.5, 0, 1],
        ['apps', 'o/two', 2, 0.5, 0, 1],
        ['apps', 'overall', 2, 0.5, 0, 1],
        ['all', 'overall', 4, 0.5, 0, 1],
      ],
    );
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
});
