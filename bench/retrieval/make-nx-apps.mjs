#!/usr/bin/env node
// Builds bench/retrieval/nx-apps.jsonl: 60 commits of gitroomhq/postiz-app from the time it was an Nx
// workspace (project.json per app and library, up to 2025-05, when nx.json was removed), made by the rules of
// the shared dev sets (see /work/shared/eval/README.md): the tree at the parent, the commit message as the
// query, the non-test .ts files the commit changed that existed at the parent as gold, the project holding
// most of them. A held-out-style check of the application set's shape with Nx configuration: a NestJS
// backend, workers and a Next.js frontend over a shared NestJS library that every app imports and where
// most of the work lands.
//
//   node bench/retrieval/make-nx-apps.mjs [--postiz GIT_DIR] [--out FILE]
//
// Deterministic for a given git dir: the commits of the window, oldest last as `git log` lists them, filtered,
// then 60 evenly spaced.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isCandidate } from './bm25.mjs';
import { HERE, gitDirFor, parseArgs } from './common.mjs';

const REPO = 'gitroomhq/postiz-app';
/** The Nx era of the repository: nx.json was deleted on 2025-05-06. */
const WINDOW = { since: '2024-09-01', until: '2025-05-01' };
const SIZE = 60;
/** Gold sets of this size or less: a larger commit is a sweep (a rename, a format), not one piece of work. */
const MOST_GOLD = 8;

const args = parseArgs();
const gitDir = gitDirFor(REPO, args);
const out = String(args.out || path.join(HERE, 'nx-apps.jsonl'));
const git = (...argv) => execFileSync('git', ['--git-dir', gitDir, ...argv], { encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });

const commits = git('log', '--no-merges', '--format=%H %P', `--since=${WINDOW.since}`, `--until=${WINDOW.until}`)
  .trim()
  .split('\n')
  .map((line) => line.split(' '))
  .filter((shas) => shas.length === 2);

const rows = [];
for (const [sha, parent] of commits) {
  const row = rowOf(sha, parent);
  if (row) rows.push(row);
}
const step = rows.length / SIZE;
const picked = Array.from({ length: Math.min(SIZE, rows.length) }, (_, i) => rows[Math.floor(i * step)]);
fs.writeFileSync(out, picked.map((row) => JSON.stringify(row)).join('\n') + '\n');
console.log(`${picked.length} of ${rows.length} eligible commits (${commits.length} in the window) → ${out}`);

function rowOf(sha, parent) {
  const query = cleanMessage(git('log', '-1', '--format=%B', sha));
  const subject = query.split('\n')[0];
  if (/^(merge|revert|chore\(release\)|bump|v?\d+\.\d+)/i.test(subject) || subject.split(/\s+/).length < 3) return undefined;
  const gold = git('diff', '--name-only', '--no-renames', '--diff-filter=MD', parent, sha).split('\n').filter(isCandidate);
  if (gold.length === 0 || gold.length > MOST_GOLD) return undefined;
  const roots = git('ls-tree', '-r', '--name-only', parent)
    .split('\n')
    .filter((file) => file.endsWith('/project.json'))
    .map((file) => path.posix.dirname(file));
  const counts = new Map();
  for (const file of gold) {
    const root = roots.filter((r) => file.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
    if (root) counts.set(root, (counts.get(root) ?? 0) + 1);
  }
  const [root] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!root) return undefined;
  const { name } = JSON.parse(git('show', `${parent}:${root}/project.json`));
  return { repo: REPO, sha, parent, query, gold, gold_project: name, gold_project_root: root };
}

/** The message without sign-off lines or a trailing PR number, as the shared sets clean theirs. */
function cleanMessage(message) {
  return message
    .split('\n')
    .filter((line) => !/^(signed-off-by|co-authored-by):/i.test(line))
    .join('\n')
    .replace(/\s*\(#\d+\)\s*$/m, '')
    .trim();
}
