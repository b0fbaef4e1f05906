import type { ChangeHistory } from '../code/change-history';

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
