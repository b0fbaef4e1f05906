import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { HISTORY_LIMITS, messageWords, parseChangeLog, readChangeHistory } from './change-history';
import { wordEntries } from './words';

function gitRepo(): { root: string; commit: (files: string[]) => void } {
  const root = mkdtempSync(join(tmpdir(), 'gp-history-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  writeFileSync(join(root, '.gitignore'), '.nx\n');
  git('add', '.gitignore');
  git('-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', 'commit', '-q', '-m', 'init');
  git('config', 'user.email', 'dev@example.com');
  git('config', 'user.name', 'Dev');
  let n = 0;
  return {
    root,
    commit(files) {
      for (const file of files) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), `// ${n++}\n`);
      }
      git('add', '-A');
      git('commit', '-q', '-m', `change ${n}`);
    },
  };
}

describe('readChangeHistory', () => {
  it('lists the files of each commit, newest first, relative to the workspace inside the repository', () => {
    const repo = gitRepo();
    repo.commit(['README.md']);
    repo.commit(['ws/libs/a/src/a.ts', 'ws/libs/b/src/b.ts', 'outside/x.ts']);
    repo.commit(['ws/libs/a/src/a.ts']);
    const history = readChangeHistory(join(repo.root, 'ws'));
    expect(history.commits).toEqual([['libs/a/src/a.ts'], ['libs/a/src/a.ts', 'libs/b/src/b.ts']]);
    expect(history.messages).toEqual([expect.stringMatching(/^change \d+$/), expect.stringMatching(/^change \d+$/)]);
  });

  it('skips sweeping commits, which say nothing of what changes together', () => {
    const repo = gitRepo();
    repo.commit(['a.ts', 'b.ts']);
    repo.commit(Array.from({ length: HISTORY_LIMITS.filesPerCommit + 1 }, (_, i) => `sweep/f${i}.ts`));
    expect(readChangeHistory(repo.root).commits).toEqual([['a.ts', 'b.ts'], ['.gitignore']]);
  });

  it('is empty outside git', () => {
    expect(readChangeHistory(mkdtempSync(join(tmpdir(), 'gp-nogit-'))).commits).toEqual([]);
  });

  it('is cached by the commit HEAD is at, and read again once HEAD moves', () => {
    const repo = gitRepo();
    const cacheDir = join(repo.root, '.nx', 'workspace-data');
    repo.commit(['a.ts']);
    expect(readChangeHistory(repo.root, cacheDir).commits).toEqual([['a.ts'], ['.gitignore']]);
    const cacheFile = join(cacheDir, 'groundplan-change-history.json');
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8'));
    const edited = { ...cached, commits: [['from-cache.ts']], messages: ['cached'], messageWords: [messageWords('cached')] };
    writeFileSync(cacheFile, JSON.stringify(edited));
    expect(readChangeHistory(repo.root, cacheDir).commits).toEqual([['from-cache.ts']]);
    // Words counted another way (an older version) are no cache.
    writeFileSync(cacheFile, JSON.stringify({ ...edited, words: edited.words - 1 }));
    expect(readChangeHistory(repo.root, cacheDir).commits).toEqual([['a.ts'], ['.gitignore']]);
    repo.commit(['b.ts']);
    expect(readChangeHistory(repo.root, cacheDir).commits).toEqual([['b.ts'], ['a.ts'], ['.gitignore']]);
  });
});

describe('parseChangeLog', () => {
  it.each([
    ['empty log', '', []],
    ['two commits', '\x1efeat: b\n\nwhy\n\x1f\n\na.ts\nb.ts\n\x1efix: c\n\x1f\n\nc.ts\n', [['a.ts', 'b.ts'], ['c.ts']], ['feat: b\n\nwhy', 'fix: c']],
    ['a commit with no files (an empty merge) is dropped', '\x1eempty\n\x1f\n\x1efix: a\n\x1f\n\na.ts\n', [['a.ts']], ['fix: a']],
  ])('%s', (_, log, commits, messages = []) => {
    const history = parseChangeLog(log);
    expect({ commits: history.commits, messages: history.messages }).toEqual({ commits, messages });
    expect(history.messageWords).toEqual(messages.map(messageWords));
  });
});

describe('messageWords', () => {
  it('counts the words of a message and their adjacent pairs (its phrases), and how many words it has', () => {
    const { list, length } = messageWords('fix: export orders, export CSV');
    expect(Object.fromEntries(wordEntries(list))).toEqual({ export: 2, order: 1, csv: 1, 'export+order': 1, 'order+export': 1, 'export+csv': 1 });
    expect(length).toBe(4);
  });
});
