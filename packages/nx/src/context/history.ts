import { messageWords, type ChangeHistory, type MessageWords } from '../code/change-history';
import { countsOf } from '../code/words';
import { inverseDocumentFrequency, saturated } from './lexical';

export const CO_CHANGE = {
  /** Only the best seeds spread: past them the text's match is too weak to say what else changes. */
  seeds: 20,
  /** Added to a seed's commit count, so a file changed once does not vouch in full for everything beside it. */
  smoothing: 1,
};

/**
 * What the files the text matches say about the others through history: the share of a seed's commits that
 * also changed a file (how often it changed when the seed did), weighted by the seed's score and summed over
 * the best seeds, scaled so the file that received most has 1. Files that change together are the strongest
 * sign of "what else this change touches" (an abstract class and its two adapters, a controller and its DTO),
 * and it needs no name in common.
 */
export function coChangeSpread(history: ChangeHistory, seeds: Map<string, number>, candidates: Set<string>): Map<string, number> {
  const commitsOf = new Map<string, number[]>();
  history.commits.forEach((files, at) => {
    for (const file of files) if (candidates.has(file)) (commitsOf.get(file) ?? commitsOf.set(file, []).get(file)!).push(at);
  });
  const spread = new Map<string, number>();
  const best = [...seeds]
    .filter(([path]) => commitsOf.has(path))
    .sort((a, b) => b[1] - a[1])
    .slice(0, CO_CHANGE.seeds);
  for (const [seed, score] of best) {
    const commits = commitsOf.get(seed)!;
    const share = score / (commits.length + CO_CHANGE.smoothing);
    for (const at of commits) {
      for (const file of history.commits[at]) {
        if (file !== seed && candidates.has(file)) spread.set(file, (spread.get(file) ?? 0) + share);
      }
    }
  }
  const max = Math.max(0, ...spread.values()) || 1;
  return new Map([...spread].map(([path, value]) => [path, value / max]));
}

/**
 * How much each project is worked on: the commits that changed a file under its root, relative to the most
 * worked-on project. Where two projects match the text about as well, the work is more likely where the team
 * works (the API app rather than the library every app imports, the library rather than the app bundling it).
 */
export function projectActivity(history: ChangeHistory, projects: Array<{ name: string; root: string }>): Map<string, number> {
  const roots = projects.filter((project) => project.root && project.root !== '.').sort((a, b) => b.root.length - a.root.length);
  const commits = new Map<string, number>();
  for (const files of history.commits) {
    const touched = new Set(files.map((file) => roots.find((project) => file.startsWith(`${project.root}/`))?.name).filter(Boolean));
    for (const name of touched) commits.set(name!, (commits.get(name!) ?? 0) + 1);
  }
  const max = Math.max(0, ...commits.values()) || 1;
  return new Map([...commits].map(([name, count]) => [name, count / max]));
}

export const PAST_WORK = {
  /**
   * The past commits whose messages match the text best: their files are where such work was done. 15 over 10
   * raised recall@10 on both dev sets (0.864 → 0.870, 0.553 → 0.562) and cost one library pick (0.993 → 0.985);
   * 5 lost on the application set (0.549, project 0.750), 20 on the library set's picks (0.978).
   */
  commits: 15,
  k1: 1.2,
  b: 0.75,
};

/**
 * Where work like this was done before: the past commits whose messages match the text's words (BM25 over the
 * messages, the text's word weights as the query's), each voting for the files it changed by its match, shared
 * among them (a commit of 20 files says less of each than a commit of two). Scaled so the best file has 1.
 * It is `git log --grep` as an engineer uses it: "the last time we touched lookups, which files changed?". It
 * needs no word in common with the code: "lookup not updated" finds the commits about lookups, and their files.
 */
export function pastWork(history: ChangeHistory, words: Map<string, number>, candidates: Set<string>): Map<string, PastMatch> {
  const messages = history.messages ?? [];
  if (!messages.length || !words.size) return new Map();
  const bags = wordsOfMessages(history);
  const averageLength = bags.reduce((sum, bag) => sum + bag.length, 0) / bags.length || 1;
  const wanted = new Set(words.keys());
  const counts = bags.map((bag) => countsOf(bag.list, wanted));
  const documentFrequency = new Map<string, number>();
  for (const word of words.keys()) documentFrequency.set(word, counts.filter((found) => found.has(word)).length);
  const scored: Array<[number, number]> = [];
  bags.forEach((bag, at) => {
    let score = 0;
    for (const [word, weight] of words) {
      const tf = counts[at].get(word);
      if (!tf) continue;
      const df = documentFrequency.get(word)!;
      const norm = 1 - PAST_WORK.b + (PAST_WORK.b * bag.length) / averageLength;
      score += weight * inverseDocumentFrequency(df, bags.length) * saturated(tf / norm, PAST_WORK.k1);
    }
    if (score > 0) scored.push([at, score]);
  });
  const votes = new Map<string, PastMatch>();
  // Best first, so the subject quoted for a file is that of the best commit that changed it.
  for (const [at, score] of scored.sort((a, b) => b[1] - a[1]).slice(0, PAST_WORK.commits)) {
    const files = history.commits[at].filter((file) => candidates.has(file));
    const subject = messages[at].split('\n')[0];
    for (const file of files) {
      const vote = votes.get(file) ?? votes.set(file, { score: 0, subject }).get(file)!;
      vote.score += score / Math.sqrt(files.length);
    }
  }
  const max = Math.max(0, ...[...votes.values()].map((vote) => vote.score)) || 1;
  for (const vote of votes.values()) vote.score /= max;
  return votes;
}

export interface PastMatch {
  /** The file's votes, relative to the best file's. */
  score: number;
  /** The subject of the best-matching commit that changed it. */
  subject: string;
}

const computedWords = new WeakMap<ChangeHistory, MessageWords[]>();

/** Each message's words: as read with the history, else (a history made by hand) counted once per history. */
function wordsOfMessages(history: ChangeHistory): MessageWords[] {
  if (history.messageWords) return history.messageWords;
  let words = computedWords.get(history);
  if (!words) computedWords.set(history, (words = (history.messages ?? []).map(messageWords)));
  return words;
}
