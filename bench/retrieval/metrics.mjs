// Per-commit retrieval metrics, their aggregation, and the printed table.
import { isCandidate } from './bm25.mjs';
import { projectOf } from './common.mjs';

export const METRICS = [
  { key: 'r5', label: 'R@5' },
  { key: 'r10', label: 'R@10' },
  { key: 'r10ts', label: 'R@10.ts' },
  { key: 'r20', label: 'R@20' },
  { key: 'all10', label: 'All@10' },
  { key: 'proj1', label: 'Proj@1' },
  { key: 'proj1t', label: 'Proj@1*' },
];

const norm = (p) => String(p).replace(/\\/g, '/').replace(/^\.\//, '');

/** Fraction of gold files among the first k ranked files. */
export function recallAt(gold, files, k) {
  if (!gold.length) return 0;
  const top = new Set(files.slice(0, k).map(norm));
  return gold.filter((g) => top.has(norm(g))).length / gold.length;
}

/**
 * The projects tied for holding the most gold files: each gold file counts for its owner (longest matching
 * root of `graphProjects`, [{name, root}]; files no project owns count for none). `gold_project` (the
 * data's pick among them) is always included; without a graph it is the only one.
 */
export function goldProjects(row, graphProjects) {
  const counts = new Map();
  if (graphProjects) {
    for (const f of row.gold) {
      const p = projectOf(graphProjects, norm(f));
      if (p) counts.set(p, (counts.get(p) || 0) + 1);
    }
  }
  const max = Math.max(0, ...counts.values());
  const tied = [...counts]
    .filter(([, c]) => c === max && max > 0)
    .map(([p]) => p)
    .sort();
  if (row.gold_project && !tied.includes(row.gold_project)) tied.unshift(row.gold_project);
  return tied;
}

/**
 * Metrics of one commit.
 * @param row    dev-set row ({gold: string[], gold_project: string})
 * @param result ranker output ({files: string[] best first, projects: string[] best first, tokens?})
 * @param opts   {projects}: the tree's projects [{name, root}] (longest root first), from which `proj1t`'s
 *               tie set is worked out (goldProjects); or {tied}: that set itself. With neither, proj1t
 *               counts gold_project only.
 *
 * proj1: the first project is gold_project. proj1t ("Proj@1*", ties counted): the first project is among
 * the projects holding the most gold files.
 */
export function commitMetrics(row, result, { projects: graphProjects = null, tied = goldProjects(row, graphProjects) } = {}) {
  const files = result?.files || [];
  const projects = result?.projects || [];
  const r10 = recallAt(row.gold, files, 10);
  return {
    r5: recallAt(row.gold, files, 5),
    r10,
    // The gold holds only non-test .ts files, the files BM25 ranks; a ranker that also ranks .tsx or .js files
    // (the components a frontend change edits) is scored here in the same space as BM25.
    r10ts: recallAt(row.gold, files.filter(isCandidate), 10),
    r20: recallAt(row.gold, files, 20),
    all10: r10 === 1 ? 1 : 0,
    proj1: projects[0] === row.gold_project ? 1 : 0,
    proj1t: projects.length && tied.includes(projects[0]) ? 1 : 0,
    ...(typeof result?.tokens === 'number' ? { tokens: result.tokens } : {}),
  };
}

/** Mean of each metric over commits (each commit weighs the same), plus n, mean tokens and mean seconds when present. */
export function aggregate(list) {
  const out = { n: list.length };
  for (const { key } of METRICS) out[key] = list.length ? list.reduce((s, m) => s + m[key], 0) / list.length : NaN;
  const withTokens = list.filter((m) => typeof m.tokens === 'number');
  if (withTokens.length) out.tokens = withTokens.reduce((s, m) => s + m.tokens, 0) / withTokens.length;
  const withSecs = list.filter((m) => typeof m.seconds === 'number');
  if (withSecs.length) out.seconds = withSecs.reduce((s, m) => s + m.seconds, 0) / withSecs.length;
  return out;
}

/**
 * Aggregates per set: for each set (in first-seen order) its repositories (sorted) then its `overall`,
 * each row with `set`; then, when more than one set is present, the union: set `all`, group `overall`.
 * @param results Array<{set?: string, repo: string, metrics: object}> (a missing set counts as '-')
 */
export function aggregateBySet(results) {
  const sets = new Map();
  for (const r of results) {
    const s = r.set ?? '-';
    if (!sets.has(s)) sets.set(s, []);
    sets.get(s).push(r);
  }
  const out = [];
  for (const [set, list] of sets) for (const g of aggregateByRepo(list)) out.push({ set, ...g });
  if (sets.size > 1) out.push({ set: 'all', group: 'overall', ...aggregate(results.map((r) => r.metrics)) });
  return out;
}

/**
 * Aggregates per repository and overall.
 * @param results Array<{repo: string, metrics: object}>
 * @returns {Array<{group: string, ...aggregate}>} one entry per repo (sorted) then 'overall'
 */
export function aggregateByRepo(results) {
  const groups = new Map();
  for (const r of results) {
    if (!groups.has(r.repo)) groups.set(r.repo, []);
    groups.get(r.repo).push(r.metrics);
  }
  const out = [...groups.keys()].sort().map((g) => ({ group: g, ...aggregate(groups.get(g)) }));
  out.push({ group: 'overall', ...aggregate(results.map((r) => r.metrics)) });
  return out;
}

/**
 * The reference BM25 baselines of /work/shared/eval/README.md, per set (undefined where the README gives
 * none). The apps set's per-repo project figure is the tie-aware one ("project*"), so proj1t only.
 */
export const REFERENCE_BM25_SETS = {
  dev: {
    overall: { r5: 0.427, r10: 0.551, r20: 0.67, all10: 0.418, proj1: 0.739 },
    'nxext/nx-extensions': { r10: 0.647, all10: 0.511, proj1: 0.733 },
    'ngrx/platform': { r10: 0.503, all10: 0.371, proj1: 0.742 },
  },
  apps: {
    overall: { r5: 0.264, r10: 0.362, r20: 0.454, all10: 0.275, proj1: 0.533, proj1t: 0.567 },
    'teableio/teable': { r10: 0.278, all10: 0.167, proj1t: 0.483 },
    'vendure-ecommerce/vendure': { r10: 0.447, all10: 0.383, proj1t: 0.65 },
  },
};
/** The dev set's reference (kept for callers of the single-set harness). */
export const REFERENCE_BM25 = REFERENCE_BM25_SETS.dev;

/**
 * A fixed-width table. rows: Array<{ranker, set?, group, n, r5, r10, r20, all10, proj1, proj1t, tokens?, seconds?}>;
 * the `set` column is shown when a row has one.
 */
export function formatTable(rows) {
  const hasTokens = rows.some((r) => typeof r.tokens === 'number');
  const hasSecs = rows.some((r) => typeof r.seconds === 'number');
  const hasSet = rows.some((r) => r.set !== undefined);
  const lead = hasSet ? 3 : 2;
  const head = ['ranker', ...(hasSet ? ['set'] : []), 'repo', 'n', ...METRICS.map((m) => m.label)];
  if (hasTokens) head.push('tokens');
  if (hasSecs) head.push('s/query');
  const fmt = (v) => (typeof v === 'number' && !Number.isNaN(v) ? v.toFixed(3) : '-');
  const body = rows.map((r) => {
    const cells = [r.ranker, ...(hasSet ? [r.set ?? '-'] : []), r.group, String(r.n ?? '-'), ...METRICS.map((m) => fmt(r[m.key]))];
    if (hasTokens) cells.push(typeof r.tokens === 'number' ? String(Math.round(r.tokens)) : '-');
    if (hasSecs) cells.push(typeof r.seconds === 'number' ? r.seconds.toFixed(2) : '-');
    return cells;
  });
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < lead ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Print the table (stdout) and return its text. */
export function printTable(rows) {
  const t = formatTable(rows);
  console.log(t);
  return t;
}
