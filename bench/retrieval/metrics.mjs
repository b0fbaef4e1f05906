// Per-commit retrieval metrics, their aggregation, and the printed table.

export const METRICS = [
  { key: 'r5', label: 'R@5' },
  { key: 'r10', label: 'R@10' },
  { key: 'r20', label: 'R@20' },
  { key: 'all10', label: 'All@10' },
  { key: 'proj1', label: 'Proj@1' },
];

const norm = (p) => String(p).replace(/\\/g, '/').replace(/^\.\//, '');

/** Fraction of gold files among the first k ranked files. */
export function recallAt(gold, files, k) {
  if (!gold.length) return 0;
  const top = new Set(files.slice(0, k).map(norm));
  return gold.filter((g) => top.has(norm(g))).length / gold.length;
}

/**
 * Metrics of one commit.
 * @param row    dev-set row ({gold: string[], gold_project: string})
 * @param result ranker output ({files: string[] best first, projects: string[] best first, tokens?})
 */
export function commitMetrics(row, result) {
  const files = result?.files || [];
  const projects = result?.projects || [];
  const r10 = recallAt(row.gold, files, 10);
  return {
    r5: recallAt(row.gold, files, 5),
    r10,
    r20: recallAt(row.gold, files, 20),
    all10: r10 === 1 ? 1 : 0,
    proj1: projects[0] === row.gold_project ? 1 : 0,
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

/** The reference BM25 baseline of /work/shared/eval/README.md (undefined where the README gives none). */
export const REFERENCE_BM25 = {
  overall: { r5: 0.427, r10: 0.551, r20: 0.670, all10: 0.418, proj1: 0.739 },
  'nxext/nx-extensions': { r10: 0.647, all10: 0.511, proj1: 0.733 },
  'ngrx/platform': { r10: 0.503, all10: 0.371, proj1: 0.742 },
};

/**
 * A fixed-width table. rows: Array<{ranker, group, n, r5, r10, r20, all10, proj1, tokens?, seconds?}>.
 */
export function formatTable(rows) {
  const hasTokens = rows.some((r) => typeof r.tokens === 'number');
  const hasSecs = rows.some((r) => typeof r.seconds === 'number');
  const head = ['ranker', 'repo', 'n', ...METRICS.map((m) => m.label)];
  if (hasTokens) head.push('tokens');
  if (hasSecs) head.push('s/query');
  const fmt = (v) => (typeof v === 'number' && !Number.isNaN(v) ? v.toFixed(3) : '-');
  const body = rows.map((r) => {
    const cells = [r.ranker, r.group, String(r.n ?? '-'), ...METRICS.map((m) => fmt(r[m.key]))];
    if (hasTokens) cells.push(typeof r.tokens === 'number' ? String(Math.round(r.tokens)) : '-');
    if (hasSecs) cells.push(typeof r.seconds === 'number' ? r.seconds.toFixed(2) : '-');
    return cells;
  });
  const all = [head, ...body];
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

/** Print the table (stdout) and return its text. */
export function printTable(rows) {
  const t = formatTable(rows);
  console.log(t);
  return t;
}
