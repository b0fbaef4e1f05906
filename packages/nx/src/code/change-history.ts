import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCacheFile } from '../utils/json-cache';
import { splitWords, termList, wordPairs, WORDS_VERSION, type WordList } from './words';

/** The files each recent commit changed, newest first, workspace-relative. */
export interface ChangeHistory {
  commits: string[][];
  /** The message of each commit (same order), when read: what the work was, in the team's own words. */
  messages?: string[];
  /** The words of each message (same order), counted when the history is read from git, and cached with it. */
  messageWords?: MessageWords[];
}

/** A commit message's words and adjacent word pairs (a text's phrases) counted, and how many words it has. */
export interface MessageWords {
  list: WordList;
  length: number;
}

export function messageWords(message: string): MessageWords {
  const words = splitWords(message);
  return { list: termList([...words, ...wordPairs(words)]), length: words.length };
}

export const HISTORY_LIMITS = {
  /** Commits read back from HEAD: enough to know what changes together, few enough to read in well under a second. */
  commits: 1000,
  /**
   * A commit changing more files than this is a sweep (a rename, a formatter run, a dependency bump): its files
   * did not change together for a reason, so it says nothing about which change together.
   */
  filesPerCommit: 30,
};

const EMPTY: ChangeHistory = { commits: [] };

const CACHE_FILE = 'groundplan-change-history.json';

/**
 * What git remembers of the workspace: the files of its recent non-merge commits, cached in `cacheDir` by the
 * commit HEAD is at (history only grows with new commits). A workspace outside git (or a git that cannot run)
 * has no history, and every signal built on it stays silent.
 */
export function readChangeHistory(root: string, cacheDir?: string): ChangeHistory {
  const head = git(root, ['rev-parse', 'HEAD'])?.trim();
  if (!head) return EMPTY;
  const cached = cacheDir ? readCache(cacheDir, head) : undefined;
  if (cached) return cached;
  // --relative: paths relative to the workspace root, and only its files, when the repository holds more.
  const log = git(root, ['log', '--no-merges', '--no-renames', '--name-only', '--format=%x1e%B%x1f', `-n${HISTORY_LIMITS.commits}`, '--relative', head]);
  if (log === undefined) return EMPTY;
  const history = parseChangeLog(log);
  if (cacheDir) writeCache(cacheDir, head, history);
  return history;
}

function git(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function readCache(dir: string, head: string): ChangeHistory | undefined {
  try {
    const data = JSON.parse(readFileSync(join(dir, CACHE_FILE), 'utf8')) as { head: string; limits: typeof HISTORY_LIMITS; words: number } & ChangeHistory;
    const same = data.head === head && JSON.stringify(data.limits) === JSON.stringify(HISTORY_LIMITS) && data.words === WORDS_VERSION;
    const { commits, messages, messageWords } = data;
    const complete = Array.isArray(commits) && [messages, messageWords].every((list) => Array.isArray(list) && list.length === commits.length);
    return same && complete ? { commits, messages, messageWords } : undefined;
  } catch {
    return undefined;
  }
}

/** A failure only costs speed: the next run reads git again. */
function writeCache(dir: string, head: string, history: ChangeHistory): void {
  const { commits, messages, messageWords } = history;
  writeCacheFile(join(dir, CACHE_FILE), JSON.stringify({ head, limits: HISTORY_LIMITS, words: WORDS_VERSION, commits, messages, messageWords }));
}

/** `git log --name-only --format=%x1e%B%x1f`: a record separator, the message, a unit separator, then one changed path a line. */
export function parseChangeLog(log: string): ChangeHistory {
  const records = log
    .split('\x1e')
    .map((record) => {
      const end = record.indexOf('\x1f');
      return {
        message: end < 0 ? '' : record.slice(0, end).trim(),
        files: record
          .slice(end + 1)
          .split('\n')
          .filter(Boolean),
      };
    })
    .filter(({ files }) => files.length > 0 && files.length <= HISTORY_LIMITS.filesPerCommit);
  return { commits: records.map((r) => r.files), messages: records.map((r) => r.message), messageWords: records.map((r) => messageWords(r.message)) };
}
