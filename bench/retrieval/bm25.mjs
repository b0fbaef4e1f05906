// Okapi BM25 baseline ranker over a workspace's .ts files (contents + path).
import fs from 'node:fs';
import path from 'node:path';
import { loadProjects, projectOf } from './common.mjs';

/** Directories never walked: installs, build output, VCS and nx's own caches. */
const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.nx', '.angular', '.cache']);

/**
 * Test directories: the gold set leaves out changed files under e2e/ (e2e/utils/index.ts) and spec/
 * (modules/router-store/spec/utils.ts, modules/signals/entities/spec/mocks.ts), not only *.spec.ts.
 */
const TEST_DIR_RE = /^(e2e|.+-e2e|spec|specs|test|tests|__tests__|__mocks__)$/;

/**
 * The candidate set, mirroring how the gold set was made: .ts files, no .d.ts, no test files
 * (*.spec.ts / *.test.ts, or anything under a test directory). Test helpers outside those, such as
 * src/test-setup.ts, jest.config.ts or utils/testing.ts, stay in, as they do in gold.
 */
export function isCandidate(rel) {
  if (!rel.endsWith('.ts') || rel.endsWith('.d.ts')) return false;
  if (/\.(spec|test)\.ts$/.test(rel)) return false;
  const segs = rel.split('/');
  segs.pop();
  return !segs.some((seg) => SKIP_DIRS.has(seg) || TEST_DIR_RE.test(seg));
}

/** Relative paths (posix) of the candidate files of a tree, sorted. */
export function listTsFiles(treeDir) {
  const out = [];
  const walk = (abs, rel) => {
    let entries;
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name)) walk(path.join(abs, e.name), r);
      } else if (e.isFile() && isCandidate(r)) out.push(r);
    }
  };
  walk(treeDir, '');
  return out.sort();
}

/**
 * English function words, dropped from queries and documents. Commit messages are prose, and in a corpus
 * of a few hundred files these words keep a sizeable IDF (little code has comments), so without this the
 * longest, most commented files win: recall@10 on nx-extensions drops from 0.66 to 0.52.
 */
export const STOPWORDS = new Set(
  (
    'a an and are as at be but by for from has have if in into is it its of on or so such that the their then ' +
    'there these they this to was were will with not no can do does did we you i our your he she them than ' +
    'which who whom what when where why how all any both each few more most other some own same too very just also only'
  ).split(' '),
);

/**
 * Lowercased word tokens: splits on anything not a letter or digit (so path separators, kebab, snake,
 * dots), then camelCase / PascalCase / acronym boundaries: `createHTTPClient_v2` -> create http client v2.
 */
export function tokenize(text) {
  const out = [];
  const words = String(text).match(/[A-Za-z0-9]+/g);
  if (!words) return out;
  for (const w of words) {
    const parts = w
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .split(' ');
    for (const p of parts) if (p) out.push(p.toLowerCase());
  }
  return out;
}

/** tokenize() less STOPWORDS: the tokenizer the BM25 baseline uses. */
export function tokenizeNoStop(text) {
  return tokenize(text).filter((t) => !STOPWORDS.has(t));
}

export class Bm25Index {
  /** @param docs {Array<{id: string, text: string}>} */
  constructor(docs, { k1 = 1.2, b = 0.75, tokenizer = tokenizeNoStop } = {}) {
    this.k1 = k1;
    this.b = b;
    this.tokenizer = tokenizer;
    this.ids = [];
    this.lengths = [];
    this.postings = new Map(); // term -> Map(docIndex -> tf)
    let total = 0;
    docs.forEach((d, i) => {
      const toks = tokenizer(d.text);
      this.ids.push(d.id);
      this.lengths.push(toks.length);
      total += toks.length;
      const tf = new Map();
      for (const t of toks) tf.set(t, (tf.get(t) || 0) + 1);
      for (const [t, c] of tf) {
        let p = this.postings.get(t);
        if (!p) this.postings.set(t, (p = new Map()));
        p.set(i, c);
      }
    });
    this.N = docs.length;
    this.avgdl = this.N ? total / this.N : 0;
  }

  /** Lucene's BM25 IDF, ln(1 + (N - n + 0.5) / (n + 0.5)): never negative. */
  idf(term) {
    const n = this.postings.get(term)?.size || 0;
    return Math.log(1 + (this.N - n + 0.5) / (n + 0.5));
  }

  /** All documents with a positive score, best first (ties broken by id). Each distinct query term counts once. */
  search(query) {
    const terms = [...new Set(this.tokenizer(query))];
    const scores = new Map();
    const { k1, b, avgdl } = this;
    for (const t of terms) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = this.idf(t);
      for (const [i, tf] of p) {
        const norm = tf + k1 * (1 - b + (b * this.lengths[i]) / avgdl);
        scores.set(i, (scores.get(i) || 0) + (idf * tf * (k1 + 1)) / norm);
      }
    }
    return [...scores].map(([i, score]) => ({ id: this.ids[i], score })).sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  }
}

/** Index of a tree: every candidate file, document text = path + contents. */
export function buildTreeIndex(treeDir, opts = {}) {
  const files = listTsFiles(treeDir);
  const docs = files.map((rel) => {
    let text = '';
    try {
      text = fs.readFileSync(path.join(treeDir, rel), 'utf8');
    } catch {
      /* unreadable: path only */
    }
    return { id: rel, text: `${rel}\n${text}` };
  });
  return new Bm25Index(docs, opts);
}

/** Projects of a tree from the graph prepare.mjs stored beside the trees (cache/graphs/<slug>/<parent>.json). */
function projectsForTree(treeDir) {
  const parent = path.basename(treeDir);
  const slug = path.basename(path.dirname(treeDir));
  const cache = path.dirname(path.dirname(path.dirname(treeDir)));
  return loadProjects(cache, slug.replace('__', '/'), parent);
}

/**
 * Projects ranked from a file ranking ([{id, score}] best first) and the graph's project roots.
 * - 'top-file' (default): owners of the ranked files in rank order (longest matching root; files no
 *   project owns are passed over), so projects[0] owns the top-ranked file;
 * - 'sum-top5': projects by the summed score of their files among the top 5, then the rest as 'top-file'.
 */
export function rankProjects(ranked, projects, rule = 'top-file') {
  const owners = ranked.map((r) => projectOf(projects, r.id));
  const order = [];
  if (rule === 'sum-top5') {
    const sums = new Map();
    ranked.slice(0, 5).forEach((r, i) => {
      if (owners[i]) sums.set(owners[i], (sums.get(owners[i]) || 0) + r.score);
    });
    order.push(...[...sums].sort((a, b) => b[1] - a[1]).map(([p]) => p));
  } else if (rule !== 'top-file') throw new Error(`unknown project rule ${rule}`);
  for (const p of owners) if (p && !order.includes(p)) order.push(p);
  return order;
}

/**
 * The ranker: `(treeDir, query, ctx?) => Promise<{files, projects}>`; files are every candidate with a
 * positive score, best first; projects per `opts.projectRule` (see rankProjects).
 * ctx.projects ([{name, root}]) overrides the graph stored by prepare.mjs.
 */
export function createBm25Ranker({ projectRule = 'top-file', ...opts } = {}) {
  const ranker = async (treeDir, query, ctx = {}) => {
    const index = buildTreeIndex(treeDir, opts);
    const ranked = index.search(query);
    const projects = ctx.projects || projectsForTree(treeDir);
    return { files: ranked.map((r) => r.id), projects: rankProjects(ranked, projects, projectRule) };
  };
  return ranker;
}

export const bm25 = createBm25Ranker();
