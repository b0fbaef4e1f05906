import { git } from '../test-utils/git';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { combineChanges, GitError, gitHead, parseHunks, parseNameStatus, readChanges } from './git-diff';

describe('git diff parsing', () => {
  it.each([
    [
      'modified, added, deleted',
      'M\0a.ts\0A\0b.ts\0D\0c.ts\0',
      [
        { path: 'a.ts', status: 'modified' },
        { path: 'b.ts', status: 'added' },
        { path: 'c.ts', status: 'deleted' },
      ],
    ],
    ['a rename with its score', 'R087\0old/x.ts\0new/x.ts\0', [{ path: 'new/x.ts', from: 'old/x.ts', status: 'renamed' }]],
    ['a copy is an addition', 'C100\0a.ts\0b.ts\0', [{ path: 'b.ts', status: 'added' }]],
    ['a path with spaces', 'M\0a dir/b c.ts\0', [{ path: 'a dir/b c.ts', status: 'modified' }]],
    ['nothing', '', []],
  ])('name-status: %s', (_name, output, expected) => {
    expect(parseNameStatus(output)).toEqual(expected);
  });

  it('hunks: new-side line ranges per file, a deletion at the line before it', () => {
    const patch = [
      'diff --git a/a.ts b/a.ts',
      '--- a/a.ts',
      '+++ b/a.ts',
      '@@ -3 +3 @@ x',
      '@@ -10,2 +11,4 @@',
      '@@ -20,3 +22,0 @@',
      'diff --git a/gone.ts b/gone.ts',
      '--- a/gone.ts',
      '+++ /dev/null',
      '@@ -1,2 +0,0 @@',
      'diff --git a/new name.ts b/new name.ts',
      '+++ b/new name.ts\t',
      '@@ -0,0 +1 @@',
    ].join('\n');
    expect(Object.fromEntries(parseHunks(patch))).toEqual({
      'a.ts': [
        [3, 3],
        [11, 14],
        [22, 22],
      ],
      'new name.ts': [[1, 1]],
    });
  });

  it('combines statuses, hunks and untracked files; binary and added files change whole', () => {
    const files = combineChanges(
      [
        { path: 'a.ts', status: 'modified' },
        { path: 'img.png', status: 'modified' },
        { path: 'n.ts', from: 'o.ts', status: 'renamed' },
      ],
      new Map([
        ['a.ts', [[2, 2]]],
        ['n.ts', []],
      ]) as Map<string, Array<[number, number]>>,
      ['u.ts', 'a.ts'],
    );
    expect(files).toEqual([
      { path: 'a.ts', status: 'modified', lines: [[2, 2]] },
      { path: 'img.png', status: 'modified' },
      { path: 'n.ts', from: 'o.ts', status: 'renamed', lines: [] },
      { path: 'u.ts', status: 'added' },
    ]);
  });
});

describe('readChanges (real git)', () => {
  const write = (root: string, path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  let root: string;
  const lines = (n: number, tag = 'line') => Array.from({ length: n }, (_, i) => `export const ${tag}${i} = ${i};`).join('\n') + '\n';

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'groundplan-git-'));
    git(root, 'init', '-q', '-b', 'main');
    write(root, 'ws/a.ts', lines(10));
    write(root, 'ws/old.ts', lines(30, 'keep'));
    write(root, 'ws/gone.ts', 'x\n');
    write(root, 'ws/staged.ts', 'x\n');
    write(root, 'outside.ts', 'x\n');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'base');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('committed, staged, working tree and untracked changes since the merge base, renames followed, relative to the workspace folder', async () => {
    git(root, 'checkout', '-q', '-b', 'feature');
    write(root, 'ws/a.ts', lines(10).replace('line4 = 4', 'line4 = 40'));
    git(root, 'commit', '-q', '-am', 'work');
    write(root, 'ws/staged.ts', 'y\n');
    git(root, 'add', 'ws/staged.ts');
    renameSync(join(root, 'ws/old.ts'), join(root, 'ws/new.ts'));
    write(root, 'ws/new.ts', lines(30, 'keep').replace('keep29 = 29', 'keep29 = 290'));
    git(root, 'add', '-A', 'ws/old.ts', 'ws/new.ts');
    rmSync(join(root, 'ws/gone.ts'));
    write(root, 'ws/untracked.ts', 'z\n');
    write(root, 'outside.ts', 'changed\n');
    const changes = await readChanges(join(root, 'ws'), 'main');
    expect(changes.commit).toBe(git(root, 'rev-parse', 'main'));
    expect(changes.files).toEqual([
      { path: 'a.ts', status: 'modified', lines: [[5, 5]] },
      { path: 'gone.ts', status: 'deleted' },
      { path: 'new.ts', from: 'old.ts', status: 'renamed', lines: [[30, 30]] },
      { path: 'staged.ts', status: 'modified', lines: [[1, 1]] },
      { path: 'untracked.ts', status: 'added' },
    ]);
  });

  it('diffs from the merge base: commits on the ref since do not count', async () => {
    git(root, 'checkout', '-q', '-b', 'feature');
    write(root, 'ws/a.ts', lines(11));
    git(root, 'commit', '-q', '-am', 'work');
    git(root, 'checkout', '-q', 'main');
    write(root, 'ws/staged.ts', 'main moved\n');
    git(root, 'commit', '-q', '-am', 'main');
    git(root, 'checkout', '-q', 'feature');
    expect((await readChanges(root, 'main')).files.map((f) => f.path)).toEqual(['ws/a.ts']);
  });

  it('works on a detached HEAD (as CI checks out a pull request)', async () => {
    write(root, 'ws/a.ts', lines(12));
    git(root, 'commit', '-q', '-am', 'work');
    git(root, 'checkout', '-q', '--detach', 'HEAD');
    expect((await readChanges(root, 'HEAD~1')).files.map((f) => f.path)).toEqual(['ws/a.ts']);
  });

  it.each([
    ['a ref that does not exist', (r: string) => readChanges(r, 'origin/nope'), /^The ref "origin\/nope" does not exist in this repository/],
    ['an option for a ref', (r: string) => readChanges(r, '--output=x'), /^--against "--output=x" is not a git ref/],
    [
      'no git repository',
      () => readChanges(mkdtempSync(join(tmpdir(), 'groundplan-nogit-')), 'main'),
      /is not inside a git work tree: --against compares plans with git history/,
    ],
    [
      'no commit yet',
      () => {
        const empty = mkdtempSync(join(tmpdir(), 'groundplan-empty-'));
        git(empty, 'init', '-q');
        return readChanges(empty, 'main');
      },
      /^HEAD has no commit yet/,
    ],
  ])('%s: a one-line GitError', async (_name, run, message) => {
    const error = await run(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a shallow clone without the ref says to fetch it', async () => {
    write(root, 'ws/a.ts', lines(12));
    git(root, 'commit', '-q', '-am', 'second');
    const clone = mkdtempSync(join(tmpdir(), 'groundplan-shallow-'));
    git(clone, 'clone', '-q', '--depth=1', `file://${root}`, '.');
    const base = git(root, 'rev-parse', 'HEAD~1');
    await expect(readChanges(clone, base)).rejects.toThrow(/is not in this shallow clone: fetch it/);
    rmSync(clone, { recursive: true, force: true });
  });

  it('gitHead: the commit, or undefined outside git', async () => {
    expect(await gitHead(root)).toBe(git(root, 'rev-parse', 'HEAD'));
    expect(await gitHead(mkdtempSync(join(tmpdir(), 'groundplan-nogit-')))).toBeUndefined();
  });
});
