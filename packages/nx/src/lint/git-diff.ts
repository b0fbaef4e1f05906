import { execFile } from 'node:child_process';

/**
 * What changed in a workspace since a git ref: `git diff <ref>...` (the commits since the merge base), what
 * is staged and what is in the working tree, untracked files included, renames followed. Read once per ref
 * and shared by every plan checked against it; the rules only see the result (`ChangeSet`), never git.
 */
export type ChangeStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface ChangedFile {
  /** Workspace-relative path now (for a deleted file: its last path). */
  path: string;
  status: ChangeStatus;
  /** For a rename: the path at the ref. */
  from?: string;
  /**
   * Lines of the current file that changed (1-based, inclusive ranges), from a zero-context diff. Undefined
   * when the whole file counts as changed: added, untracked, deleted or binary.
   */
  lines?: Array<[number, number]>;
}

export interface ChangeSet {
  /** The ref as asked (`origin/main`, `base`'s commit). */
  ref: string;
  /** The commit the diff starts from: the merge base of the ref and HEAD. */
  commit: string;
  files: ChangedFile[];
}

/** A one-line reason --against cannot run: no git, no such ref, no commit yet. */
export class GitError extends Error {}

const SAFE_REF = /^(?!-)[\w./@^~{}+-]+$/;

/** Runs git in `cwd`; resolves to stdout, rejects with git's first stderr line (or ENOENT when git is missing). */
function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      ['-c', 'core.quotePath=false', ...args],
      { cwd, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', env: { ...process.env, GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C', GIT_PAGER: 'cat' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !stderr)
          return reject(new GitError('git is not installed (or not on PATH): --against compares plans with git history, so it needs git.'));
        reject(
          Object.assign(
            new Error(
              String(stderr || error.message)
                .trim()
                .split('\n')[0],
            ),
            { gitFailed: true },
          ),
        );
      },
    );
  });
}

async function gitOr<T>(cwd: string, args: string[], fallback: T): Promise<string | T> {
  try {
    return await git(cwd, args);
  } catch (error) {
    if (error instanceof GitError) throw error;
    return fallback;
  }
}

/** The commit HEAD points at, or undefined outside git (or before the first commit): for a plan's `base`. */
export async function gitHead(root: string): Promise<string | undefined> {
  try {
    const head = (await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
    return /^[0-9a-f]{40,64}$/.test(head) ? head : undefined;
  } catch {
    return undefined;
  }
}

/** Checks that `root` is in a git work tree with a commit; throws GitError with what to do otherwise. */
async function checkRepository(root: string): Promise<void> {
  const inside = await gitOr(root, ['rev-parse', '--is-inside-work-tree'], undefined);
  if (inside === undefined || inside.trim() !== 'true') {
    throw new GitError(`${root} is not inside a git work tree: --against compares plans with git history; run it in a clone, or lint without --against.`);
  }
  const head = await gitOr(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], undefined);
  if (head === undefined || head.trim() === '') throw new GitError('HEAD has no commit yet: commit once before linting with --against.');
}

/** The commit a ref names; GitError naming the ref, and whether a shallow clone is why it is missing. */
async function resolveRef(root: string, ref: string): Promise<string> {
  if (!SAFE_REF.test(ref)) throw new GitError(`--against "${ref}" is not a git ref: name a branch, tag or commit such as origin/main.`);
  const commit = await gitOr(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], undefined);
  if (commit !== undefined && commit.trim() !== '') return commit.trim();
  const shallow = (await gitOr(root, ['rev-parse', '--is-shallow-repository'], 'false')).trim() === 'true';
  throw new GitError(
    shallow
      ? `The ref "${ref}" is not in this shallow clone: fetch it (git fetch origin ${ref.replace(/^origin\//, '')}, or actions/checkout with fetch-depth: 0).`
      : `The ref "${ref}" does not exist in this repository: name a branch, tag or commit (git fetch it first if it is remote).`,
  );
}

/**
 * The changes since `ref` as `git diff <ref>...` plus the index, the working tree and untracked files: the
 * diff from the merge base of `ref` and HEAD to the files on disk. Paths are relative to `root` (which may
 * be a folder of the repository); changes outside it are left out.
 */
export async function readChanges(root: string, ref: string): Promise<ChangeSet> {
  await checkRepository(root);
  const commit = await resolveRef(root, ref);
  const mergeBase = (await gitOr(root, ['merge-base', commit, 'HEAD'], '')).trim();
  if (mergeBase === '') {
    throw new GitError(`"${ref}" and HEAD share no history here (a shallow clone?): fetch more history (git fetch --unshallow) or name another ref.`);
  }
  const [nameStatus, patch, untracked] = await Promise.all([
    git(root, ['diff', '--relative', '--no-ext-diff', '--no-color', '-M', '--name-status', '-z', mergeBase]),
    git(root, ['diff', '--relative', '--no-ext-diff', '--no-color', '-M', '-U0', mergeBase]),
    git(root, ['ls-files', '--others', '--exclude-standard', '-z']),
  ]);
  return { ref, commit: mergeBase, files: combineChanges(parseNameStatus(nameStatus), parseHunks(patch), untracked.split('\0').filter(Boolean)) };
}

/** `git diff --name-status -z` output: `M\0path\0`, `R087\0from\0to\0`, … */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length; i++) {
    const code = fields[i];
    if (!code) continue;
    const kind = code[0];
    if (kind === 'R' || kind === 'C') {
      const [from, to] = [fields[++i], fields[++i]];
      if (to !== undefined) files.push(kind === 'R' ? { path: to, from, status: 'renamed' } : { path: to, status: 'added' });
      continue;
    }
    const path = fields[++i];
    if (path === undefined) break;
    files.push({ path, status: kind === 'A' ? 'added' : kind === 'D' ? 'deleted' : 'modified' });
  }
  return files;
}

/** The changed lines of each file's new side in a `-U0` patch, by new path. Binary files have none. */
export function parseHunks(patch: string): Map<string, Array<[number, number]>> {
  const hunks = new Map<string, Array<[number, number]>>();
  let current: Array<[number, number]> | undefined;
  for (const line of patch.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
    } else if (line.startsWith('+++ ')) {
      const target = line.slice(4).replace(/\t$/, '');
      if (target === '/dev/null') current = undefined;
      else hunks.set(target.replace(/^b\//, ''), (current = []));
    } else if (current && line.startsWith('@@')) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      // A pure deletion sits after line `start`: the line before the gap stands for it.
      current.push(count === 0 ? [Math.max(start, 1), Math.max(start, 1)] : [start, start + count - 1]);
    }
  }
  return hunks;
}

/** Statuses, hunks and untracked files as one list, sorted by path. */
export function combineChanges(statuses: ChangedFile[], hunks: Map<string, Array<[number, number]>>, untracked: string[]): ChangedFile[] {
  const byPath = new Map<string, ChangedFile>();
  for (const file of statuses) {
    const lines = file.status === 'modified' || file.status === 'renamed' ? hunks.get(file.path) : undefined;
    // A modified file without text hunks is binary (or a mode change): the whole file counts.
    byPath.set(file.path, { ...file, ...(lines && (lines.length > 0 || file.status === 'renamed') ? { lines } : {}) });
  }
  for (const path of untracked) if (!byPath.has(path)) byPath.set(path, { path, status: 'added' });
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}
