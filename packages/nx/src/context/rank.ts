import { posix } from 'node:path';
import type { ChangeHistory } from '../code/change-history';
import { DATA_SHAPE_ROLES, testSubjectStem, withoutExtension } from '../code/file-role';
import type { CodeIndex, IndexedFile } from '../code/types';
import { compoundTerm, countOf, splitWords, wordCounts, wordEntries } from '../code/words';
import { pathWithin } from '../utils/workspace-path';
import type { ProjectFact } from '../workspace/types';
import { coChangeSpread, pastWork, projectActivity, type PastMatch } from './history';
import { lexicalScores, type LexicalMatch } from './lexical';
import { dependentsOf, type ProjectEdges } from './project-edges';
import { addEdge, personalizedPageRank, type WeightedGraph } from './pagerank';
import { projectHints, type ProjectHint } from './project-hints';
import type { ParsedQuery } from './query';
import type { RankedProject } from './types';

export interface ScoredFile {
  file: IndexedFile;
  score: number;
  why: string;
}

export interface Ranking {
  affected: RankedProject;
  /** Best first; the affected project first when it was named. */
  projects: RankedProject[];
  /** Best first; test files are not ranked (they are listed as specs). */
  files: ScoredFile[];
}

/**
 * Weights of the evidence. Set on both dev sets of bench/retrieval (library repos and application monorepos)
 * where the results stay flat around them (a plateau, not a peak), and kept to what should hold in any workspace.
 */
export const WEIGHTS = {
  definesNamedIdentifier: 0.5,
  pathNamed: 1,
  pageRank: 1,
  /** The walk jumps back to the seeds (in proportion to their scores) with this probability at each step. */
  restart: 0.3,
  /** Edge weights of the file graph: an import is 1; the same import followed backwards; shared folder, name, name start. */
  importedBy: 0.5,
  folder: 0.3,
  sameName: 0.5,
  sameNameStart: 0.3,
  /**
   * What the graph spreads to a file is kept in full only when the file has lexical evidence of its own
   * (a seed of at least `spreadEvidence`, relative to the best match); a file the text does not match keeps
   * `spreadFloor` of it. Graph signals spread relevance, they do not create it: a barrel or a helper every file
   * imports collects no rank merely by being imported by the relevant files. (Damping import edges by how many
   * files import their target, on top of this gate, cost recall@10 on both dev sets: 0.855 → 0.848 on the
   * library set, 0.521 → 0.499 on the application set; it is gone.)
   */
  spreadFloor: 0.3,
  spreadEvidence: 0.3,
  /** The share of a seed's own restart mass counted with what the graph spread to it (1: its whole rank). */
  ownRank: 0,
  /**
   * A barrel (imports and re-exports only) matches the words of every file it re-exports: its own match counts
   * this much. Left at 1: a discount (0.5) cost the library set, where the barrel changes with every public API
   * added (`feat: add withLinkedState` edits `index.ts`). A barrel earns no spread it has no lexical evidence for
   * (`spreadFloor`), which is what kept barrels at the top before.
   */
  barrel: 1,
  /** The test beside a file (`x.spec.ts` of `x.ts`) is evidence for it: this share of the test's own match. */
  testEvidence: 0.3,
  /**
   * What history spreads from the seeds to the files that changed with them (see `coChangeSpread`), held to a
   * file's own evidence like the graph's spread. Without it, recall@10 / all-in-10 fall from 0.855 / 0.716 to
   * 0.842 / 0.694 on the library set and from 0.521 / 0.408 to 0.512 / 0.400 on the application set; at 0.5,
   * or kept in full without evidence, it cost vendure 0.04.
   */
  coChange: 0.2,
  /**
   * A project's evidence grows by up to this share with how much it is worked on (see `projectActivity`). On the
   * application set it picks the project holding the work 0.742 of the time instead of 0.717 (teable 0.517 →
   * 0.583, vendure 0.917 → 0.900); the library set's picks, named by their scopes, do not move.
   */
  activity: 0.8,
  /**
   * The files of the past commits whose messages match the text (see `pastWork`), as evidence of their own. With
   * it (10 commits, before `pastProject`), recall@10 / all-in-10 rose from 0.855 / 0.716 to 0.864 / 0.724 on the
   * library set and from 0.521 / 0.408 to 0.530 / 0.425 on the application set. At 0.6 the application set
   * gains more (0.552) and the library set loses (0.840), where the scopes and names already say where the work is.
   */
  pastWork: 0.3,
  /**
   * Where past work like this landed counts for the project's pick, up to this much (see `pastWorkVotes`). With
   * it (10 commits), the application set picked the project holding the work 0.783 of the time instead of 0.750
   * (vendure 0.900 → 0.967) and its recall@10 rose from 0.530 to 0.553; the library set did not move (0.993). The
   * same from 0.6 to 1; counted also where the text names a project, it cost the library set (1.000 → 0.970).
   */
  pastProject: 0.8,
  /**
   * A generated file's own match (the schema's types name every type a text can name), for a long text: its
   * share, reached at verbosity 1 (a commit message, verbosity 0, keeps it whole: there the regenerated file
   * often changes with the work). On the PRD set, vendure's recall@10 rose from 0.455 to 0.562 (0 gave 0.580),
   * the library and application commit sets did not move.
   */
  generatedInLongText: 0.3,
  /**
   * A file whose path says what the inputs' non-goals leave alone (a word only they use: "no switch in the admin
   * dashboard's filter UI" → `packages/dashboard/…`) keeps this share of its own match: non-goals subtract.
   */
  nonGoal: 0.5,
  /** A word in more than this share of the paths (half) tells no code apart (see `excludedByNonGoals`). */
  nonGoalPathShare: 0.5,
  /**
   * A hub (a file imported by `share` of the workspace's files, and by `least` files at the least: a request
   * context, the entity every service reads, a package's barrel) keeps `factor` of its score. Its words are the
   * words of everything, and the work rarely changes it: among the top ten files matching the text, hubs ranked
   * below the first were changed by none of 17 PRD and 54 application commits, and by 2 of 37 library commits
   * (0.05, against 0.09–0.18 for the other files there). With it, recall@10 on the PRD set rose from 0.536 to
   * 0.560 (0.3 gave the same), the application set's from 0.578 to 0.579 (recall@5 0.461 → 0.476, @20 0.639 →
   * 0.654), and the library set's stayed at 0.869 in the harness, 0.865 in the CLI bench (at `least` 20: 0.865 in the harness, where a ten-importer file is 2% of a
   * small repo). Damping its share of the project's evidence as well cost the PRD set's project pick (0.857 → 0.821).
   */
  hub: { share: 0.02, least: 40, factor: 0.5 },
  /**
   * A large file that declares types only (`vendure-config.ts`: 48 KB of option interfaces, a cache's key
   * types, a renderer's interfaces) keeps `factor` of its own match. Its members and doc comments name
   * everything it configures, and the work lands in the code that acts on them: none of the 653 files the 254
   * commits of both dev sets changed is one (0 of 33 times in the application and PRD sets' top ten; the library
   * set's top twenty has none). With it, recall@10 on the application set rose from 0.579 to 0.582, the PRD
   * set's from 0.588 to 0.592 (@20 0.660 → 0.695), the library set's stayed at 0.865; 0.3 gave the same, and
   * every types-only file (no size) cost the application set (0.574).
   */
  typeCatalogue: { bytes: 5000, factor: 0.5 },
  /**
   * An entity or a DTO keeps this share of its score in the list, not in its project's evidence nor in what it
   * spreads: it shares the feature's nouns, but the work reads it (the drafter's measure: none of the 72 the
   * ranking found in the application commits and PRDs was changed). Its seed still spreads to the services that
   * use it, and the data it holds still says which project the work is in. With it, recall@10 rose on the
   * application set from 0.582 to 0.589 (vendure 0.731 → 0.746; teable unchanged), on the PRD set from 0.592 to
   * 0.610 (recall@5 0.419 → 0.469) and on nx-apps from 0.508 to 0.512; the library set has none and the picks did
   * not move (0.3 gave the same). Counted in the project's evidence too, it cost the PRD pick (0.893 → 0.857).
   */
  dataShape: 0.5,
  /**
   * A file the text matches only by the names of its folders within its module (`pages/`, `billing/` under the
   * project's root or the deepest folder with a barrel of its own) says no more than the files above it that match
   * the same way: past `kept` of them, each keeps `factor` of its score. A folder's name says where the feature
   * lives, not which of the folder's files changes: among the first ten files of the application, PRD and nx-apps
   * sets, the commits changed 6 of 171 files matched by folder names only (0.04; 0.11 of all), and none of the 62
   * third and later with the same words. With it, recall@10 rose on the application set from 0.589 to 0.593
   * (teable 0.433 → 0.441), on nx-apps from 0.512 to 0.527 and on the library set from 0.865 to 0.869 (all-in-10
   * 0.731 → 0.739); the PRD set's did not move, and no row of the four lost a file from its first ten. `kept` 1
   * or 3, `factor` 0.3 or 0.7 gave about the same. A module's own folder names the module, which the work may
   * span: counted, the project's root (`packages/core`, which a scope names) cost the application set's recall@20
   * (0.662 → 0.656), and a secondary entry point (`signals/events/`, whose files a feature of it changes alike)
   * the library set's all-in-10 (0.731 → 0.724).
   */
  folderRepeats: { kept: 2, factor: 0.5 },
  /** Plain PageRank: orders the files when the query is empty (nothing else does then). */
  centrality: 0.02,
  /**
   * A project's evidence: the lexical seeds of its best files (what the text matches in them, not what the graph
   * spread to them), the best in full and each next one at this share of the one before (1, 0.5, 0.25). The spread
   * follows imports, so a library every project imports collected the relevance of its importers' matches and
   * outranked the application holding them; and three files counted alike let a project with many middling
   * matches outrank one with a single strong file. Counting each of the workspace's best ten files for its
   * project by rank, or adding the share of the query's words a project covers, was measured and chose worse on
   * both sets (see the report of issue 10).
   */
  projectEvidenceShares: [1, 0.5, 0.25],
  /**
   * How sure the pick of the affected project is: the lead of the first project over the second (relative to
   * the first's score), as a share of this margin; 1 from this margin up. When no project is named (by the user,
   * or by the text: `namedHint`), the prior separating the affected project's files from the others' is scaled by
   * it, so with two projects about as likely the files of both reach the top instead of only the first's. On the application set the wrong picks
   * led by 0.2 (median) and the right ones by 0.47; on the library set (scopes name the project) every pick leads
   * by 0.44 or more.
   */
  certainMargin: 0.4,
  /**
   * A hint this strong (a conventional-commit scope naming the project, or a path in it with its name in the
   * title) names the affected project as surely as the user would: its pick is then certain, whatever the margin.
   */
  namedHint: 1,
  /** How much a file's project counts: affected, hinted by the text, a neighbour of the affected, other. */
  prior: { affected: 1, hinted: 0.7, neighbour: 0.4, other: 0.2 },
};

/**
 * Ranks projects and files against the query: lexical match (BM25F, with the tests beside a file) and direct
 * mentions seed a personalised PageRank over the file import graph, whose spread a file keeps by its own
 * evidence; projects rank by their mentions plus the evidence of their best files; the affected project's files, then
 * those of mentioned and neighbouring projects, are preferred.
 */
export function rankWorkspace(
  projects: Record<string, ProjectFact>,
  index: CodeIndex,
  edges: ProjectEdges,
  query: ParsedQuery,
  named?: string,
  history: ChangeHistory = { commits: [] },
): Ranking {
  const all = [...index.files.values()];
  const candidates = all.filter((file) => file.role !== 'test');
  // The tests beside files are scored with the files (same statistics), as evidence for them.
  const subjects = testSubjects(all, candidates);
  const lexical = lexicalScores([...candidates, ...all.filter((file) => subjects.has(file.path))], query.words, query.verbosity);
  const tests = testEvidence(subjects, lexical);
  const paths = new Set(candidates.map((file) => file.path));
  const past = pastWork(history, query.words, paths);
  const seeds = seedScores(candidates, query, lexical, tests, past);
  const graph = importGraph(candidates);
  const spread = propagated(personalizedPageRank(graph, seeds, { restart: WEIGHTS.restart }), seeds, candidates);
  const coChanged = coChangeSpread(history, seeds, paths);
  const empty = seeds.size === 0;
  const centrality = empty ? scaledToBestFile(personalizedPageRank(graph, new Map()), candidates) : new Map<string, number>();
  const hubs = empty ? new Map<string, number>() : hubFiles(all);
  const base = new Map(
    candidates.map((file) => {
      const kept = (hubs.has(file.path) ? WEIGHTS.hub.factor : 1) * (DATA_SHAPE_ROLES.has(file.role) ? WEIGHTS.dataShape : 1);
      const seed = seeds.get(file.path) ?? 0;
      const gate = WEIGHTS.spreadFloor + (1 - WEIGHTS.spreadFloor) * Math.min(1, seed / WEIGHTS.spreadEvidence);
      const spreadTo = WEIGHTS.pageRank * (spread.get(file.path) ?? 0) + WEIGHTS.coChange * (coChanged.get(file.path) ?? 0);
      return [file.path, kept * (seed + spreadTo * gate) + WEIGHTS.centrality * (centrality.get(file.path) ?? 0)];
    }),
  );
  const hints = projectHints(projects, query);
  // A project's evidence is what the text matches in its files; with an empty query, the files' centrality.
  // Where work usually lands is a prior: the more the text says itself (a PRD), the less it counts. On the PRD
  // set the pick went from 0.607 to 0.750 (vendure's dashboard, where most recent work lands, no longer chosen
  // for core features) and recall@10 from 0.417 to 0.455; commit messages are short, and rank as before.
  const asPrior = (values: Map<string, number>) => new Map([...values].map(([name, value]) => [name, value * (1 - query.verbosity)]));
  const activity = asPrior(projectActivity(history, Object.values(projects)));
  const votes = asPrior(pastWorkVotes(past, candidates, hints));
  const rankedProjects = rankProjects(projects, candidates, empty ? base : seeds, hints, edges, activity, votes);
  const affected = (named && rankedProjects.find((p) => p.name === named)) || rankedProjects[0];
  const isNamed = affected.name === named;
  const certainty = isNamed ? 1 : pickCertainty(rankedProjects, hints.get(affected.name)?.score);
  const prior = projectPrior(edges, affected.name, hints, isNamed, certainty);
  const { files, repeats } = folderRepeatsDown(
    candidates
      .map((file) => ({ file, score: base.get(file.path)! * prior(file.project) }))
      .sort((a, b) => b.score - a.score || a.file.path.localeCompare(b.file.path)),
    lexical,
    projects,
  );
  const top = files[0]?.score || 1;
  return {
    affected,
    projects: [affected, ...rankedProjects.filter((p) => p !== affected)],
    files: files.map(({ file, score }) => ({
      file,
      score: round(score / top),
      why: fileWhy(
        file,
        query,
        {
          lexical: lexical.get(file.path),
          test: tests.get(file.path),
          past: past.get(file.path),
          importers: hubs.get(file.path),
          folderRepeat: repeats.has(file.path),
        },
        files,
      ),
    })),
  };
}

/**
 * The files ranked first, with those `folderRepeats` ranks down (see there): each time a file matches only by
 * the names of its folders within its module, the words it matches are counted, and past `kept` such files with
 * the same words, the next keep `factor` of their score.
 */
function folderRepeatsDown(
  files: Array<{ file: IndexedFile; score: number }>,
  lexical: Map<string, LexicalMatch>,
  projects: Record<string, ProjectFact>,
): { files: Array<{ file: IndexedFile; score: number }>; repeats: Set<string> } {
  const barrelFolders = new Set(
    files.filter(({ file }) => file.barrel && posix.basename(withoutExtension(file.path)) === 'index').map(({ file }) => posix.dirname(file.path)),
  );
  const seen = new Map<string, number>();
  const repeats = new Set<string>();
  for (const ranked of files) {
    const words = folderOnlyWords(ranked.file, lexical.get(ranked.file.path), moduleRoot(ranked.file, barrelFolders, projects[ranked.file.project]?.root));
    if (!words) continue;
    const count = (seen.get(words) ?? 0) + 1;
    seen.set(words, count);
    if (count <= WEIGHTS.folderRepeats.kept) continue;
    ranked.score *= WEIGHTS.folderRepeats.factor;
    repeats.add(ranked.file.path);
  }
  return { files: files.sort((a, b) => b.score - a.score || a.file.path.localeCompare(b.file.path)), repeats };
}

/**
 * The root of the module a file is in: the deepest folder above it with a barrel of its own (`index.ts` that
 * re-exports: an entry point such as `signals/events/`), else its project's root.
 */
function moduleRoot(file: IndexedFile, barrelFolders: Set<string>, projectRoot = ''): string {
  for (let folder = posix.dirname(file.path); folder.length > projectRoot.length && folder !== '.'; folder = posix.dirname(folder)) {
    if (barrelFolders.has(folder)) return folder;
  }
  return projectRoot;
}

/**
 * The words a file matches, when only the names of its folders within its module hold them (not its own name, a
 * declared name or a route): the folder of a module (`packages/core`, `signals/events`) names the module, which
 * the work may span.
 */
function folderOnlyWords(file: IndexedFile, match: LexicalMatch | undefined, root: string): string | undefined {
  if (!match?.folderOnly) return undefined;
  const inner = new Set(splitWords(posix.dirname(pathWithin(root, file.path))));
  return match.matched.some((word) => inner.has(word)) ? [...match.matched].sort().join(' ') : undefined;
}

/** The hubs among the files (see `WEIGHTS.hub`), with how many files import each. */
function hubFiles(files: IndexedFile[]): Map<string, number> {
  const importers = new Map<string, number>();
  for (const file of files) for (const target of file.imports) importers.set(target, (importers.get(target) ?? 0) + 1);
  const least = Math.max(WEIGHTS.hub.least, WEIGHTS.hub.share * files.length);
  return new Map([...importers].filter(([, count]) => count >= least));
}

/**
 * Lexical scores scaled to the best match, plus the evidence of the file's tests and bonuses for files that
 * define a named identifier or are named. A barrel's own match is discounted: the names it matches are those
 * of the files it re-exports, which match them themselves.
 */
function seedScores(
  files: IndexedFile[],
  query: ParsedQuery,
  lexical: Map<string, LexicalMatch>,
  tests: Map<string, TestMatch>,
  past: Map<string, PastMatch>,
): Map<string, number> {
  const best = Math.max(0, ...files.map((file) => lexical.get(file.path)?.score ?? 0)) || 1;
  const excluded = excludedByNonGoals(files, query);
  const seeds = new Map<string, number>();
  for (const file of files) {
    let score =
      ((lexical.get(file.path)?.score ?? 0) / best) *
      (file.barrel ? WEIGHTS.barrel : 1) *
      (file.generated ? 1 - (1 - WEIGHTS.generatedInLongText) * query.verbosity : 1) *
      (excluded.has(file.path) ? WEIGHTS.nonGoal : 1) *
      (isTypeCatalogue(file) ? WEIGHTS.typeCatalogue.factor : 1);
    score += (WEIGHTS.testEvidence * (tests.get(file.path)?.score ?? 0)) / best;
    score += WEIGHTS.pastWork * (past.get(file.path)?.score ?? 0);
    if (definedIdentifiers(file, query).length) score += WEIGHTS.definesNamedIdentifier;
    if (namedPath(file, query)) score += WEIGHTS.pathNamed;
    if (score > 0) seeds.set(file.path, score);
  }
  return seeds;
}

/**
 * The files whose path holds a word only the non-goals use, of the words that tell paths apart: one most paths
 * have (`packages/`, `src/`) says nothing of which code a non-goal means ("no package manager choice").
 */
function excludedByNonGoals(files: IndexedFile[], query: ParsedQuery): Set<string> {
  if (query.excluded.size === 0) return new Set();
  const wordsOf = new Map(files.map((file) => [file.path, new Set(splitWords(file.path))]));
  const pathsWith = new Map<string, string[]>();
  for (const [path, words] of wordsOf) for (const word of words) if (query.excluded.has(word)) pathsWith.set(word, [...(pathsWith.get(word) ?? []), path]);
  const telling = [...pathsWith.values()].filter((paths) => paths.length <= WEIGHTS.nonGoalPathShare * files.length);
  return new Set(telling.flat());
}

interface TestMatch {
  score: number;
  test: string;
}

/** Each test beside a ranked file (`x.spec.ts`, `x.test.ts`, `__tests__/x.*` of `x.ts`) → that file. */
function testSubjects(all: IndexedFile[], candidates: IndexedFile[]): Map<string, string> {
  const subjects = new Map<string, string>();
  if (!WEIGHTS.testEvidence) return subjects;
  const byStem = new Map(candidates.map((file) => [withoutExtension(file.path), file.path]));
  for (const file of all) {
    if (file.role !== 'test') continue;
    const subject = byStem.get(testSubjectStem(file.path));
    if (subject) subjects.set(file.path, subject);
  }
  return subjects;
}

/** The best match among each file's tests: a test names the behaviour it checks, often the words of the change. */
function testEvidence(subjects: Map<string, string>, lexical: Map<string, LexicalMatch>): Map<string, TestMatch> {
  const evidence = new Map<string, TestMatch>();
  for (const [test, subject] of subjects) {
    const score = lexical.get(test)?.score ?? 0;
    if (score > (evidence.get(subject)?.score ?? 0)) evidence.set(subject, { score, test });
  }
  return evidence;
}

/** A large file of types only, written by hand (see `WEIGHTS.typeCatalogue`; a generated one has its own weight). */
function isTypeCatalogue(file: IndexedFile): boolean {
  return !file.generated && file.bytes > WEIGHTS.typeCatalogue.bytes && Boolean(file.typesOnly);
}

function definedIdentifiers(file: IndexedFile, query: ParsedQuery): string[] {
  // Its declared names' words first: most files hold none of a name's, and their symbols are then not read back.
  return query.identifiers.filter((name) => declaresWordsOf(file, name) && file.symbols.some((s) => s.name === name));
}

function declaresWordsOf(file: IndexedFile, name: string): boolean {
  return wordEntries(wordCounts(name)).every(([term]) => countOf(file.words.names, term) > 0);
}

function namedPath(file: IndexedFile, query: ParsedQuery): string | undefined {
  return query.paths.find((path) => file.path === path || file.path.endsWith(`/${path}`));
}

/**
 * Imports spread relevance both ways: to what a relevant file uses, and (less) to its callers. Files are also
 * linked through nodes for what they share: a folder; a file name within a project (`add-linting.ts` of each
 * generator), and a leading name word within a folder (`with-state.ts`, `with-props.ts`). Parallel code tends
 * to change together.
 */
function importGraph(files: IndexedFile[]): WeightedGraph {
  const graph: WeightedGraph = new Map(files.map((file) => [file.path, new Map()]));
  for (const file of files) {
    for (const target of file.imports) {
      if (graph.has(target)) addEdge(graph, file.path, target, 1, WEIGHTS.importedBy);
    }
    const folder = posix.dirname(file.path);
    const name = posix.basename(file.path).replace(/\.[^.]+$/, '');
    const link = (node: string, weight: number) => weight > 0 && addEdge(graph, file.path, node, weight, 1);
    link(`${folder}/`, WEIGHTS.folder);
    if (name !== 'index') link(`${file.project}:${name}`, WEIGHTS.sameName);
    link(`${folder}/${name.split(/[-._]/)[0]}*`, WEIGHTS.sameNameStart);
  }
  return graph;
}

/**
 * A project ranks by what the text says of it (hints) plus the evidence of its best few files (`evidence`: their
 * lexical seeds). With the graph's spread left out of it, a library every project imports no longer wins on its
 * importers' matches.
 */
function rankProjects(
  projects: Record<string, ProjectFact>,
  files: IndexedFile[],
  evidenceOf: Map<string, number>,
  hints: Map<string, ProjectHint>,
  edges: ProjectEdges,
  activity: Map<string, number>,
  pastVotes: Map<string, number>,
): RankedProject[] {
  const byProject = new Map<string, IndexedFile[]>();
  for (const file of files) {
    if (byProject.has(file.project)) byProject.get(file.project)!.push(file);
    else byProject.set(file.project, [file]);
  }
  // A generated file (the schema's types) matches whatever the schema names: it says nothing of where the work
  // is. Neutral on both dev sets; on a vendure PRD it kept dev-server's generated test types from choosing the project.
  const score = (file: IndexedFile) => (file.generated ? 0 : (evidenceOf.get(file.path) ?? 0));
  const evidence = new Map(
    Object.keys(projects).map((name) => {
      const best = (byProject.get(name) ?? []).sort((a, b) => score(b) - score(a)).slice(0, WEIGHTS.projectEvidenceShares.length);
      return [name, { total: projectEvidence(best.map(score)), best: best[0] }];
    }),
  );
  const topEvidence = Math.max(0, ...[...evidence.values()].map((e) => e.total)) || 1;
  const ranked = Object.values(projects).map((project) => {
    const hint = hints.get(project.name);
    const { total, best } = evidence.get(project.name)!;
    const score = (hint?.score ?? 0) + (total / topEvidence) * (1 + WEIGHTS.activity * (activity.get(project.name) ?? 0)) + (pastVotes.get(project.name) ?? 0);
    const reasons = [...(hint?.reasons ?? [])];
    if (best && total > 0) reasons.push(`its files match best (\`${best.path}\`)`);
    if (total > 0 && (activity.get(project.name) ?? 0) >= 0.5) reasons.push('much of the recent work landed in it');
    const pastVote = pastVotes.get(project.name) ?? 0;
    if (pastVote > 0 && pastVote >= WEIGHTS.pastProject / 2) reasons.push('past work like this landed in it');
    return { name: project.name, root: project.root, score, why: reasons.join('; ') || 'no direct match' };
  });
  ranked.sort((a, b) => b.score - a.score || (edges.get(b.name)?.size ?? 0) - (edges.get(a.name)?.size ?? 0) || a.name.localeCompare(b.name));
  const top = ranked[0]?.score || 1;
  return ranked.map((p) => ({ ...p, score: round(p.score / top) }));
}

/**
 * Each project's share of the past work's votes (relative to the project with most), up to `pastProject`,
 * when the text does not name a project: a scope or a path says where the work is more surely than history.
 */
function pastWorkVotes(past: Map<string, PastMatch>, files: IndexedFile[], hints: Map<string, ProjectHint>): Map<string, number> {
  const named = Math.min(1, Math.max(0, ...[...hints.values()].map((hint) => hint.score)));
  const votes = new Map<string, number>();
  for (const file of files) {
    const score = past.get(file.path)?.score;
    if (score) votes.set(file.project, (votes.get(file.project) ?? 0) + score);
  }
  const max = Math.max(0, ...votes.values()) || 1;
  return new Map([...votes].map(([name, value]) => [name, (WEIGHTS.pastProject * (1 - named) * value) / max]));
}

/** The evidence of a project from the scores of its best files, best first: `projectEvidenceShares` of each. */
export function projectEvidence(bestFirst: number[]): number {
  return WEIGHTS.projectEvidenceShares.reduce((sum, share, i) => sum + share * (bestFirst[i] ?? 0), 0);
}

/**
 * How sure the pick of the first project is, from 0 (the second scores as much) to 1 (it leads by
 * `certainMargin` or more, is alone, or the text names it: a hint of `namedHint`). `ranked` is best first.
 */
export function pickCertainty(ranked: Array<{ score: number }>, firstHint = 0): number {
  const [first, second] = ranked;
  if (!first || !second || first.score <= 0 || firstHint >= WEIGHTS.namedHint) return 1;
  return Math.min(1, Math.max(0, (first.score - second.score) / first.score / WEIGHTS.certainMargin));
}

/**
 * With a project the user named, the other projects' files count only this much: the named project's
 * own files lead even when the text's best match (a service it names) is elsewhere. 0.5 was enough while the
 * graph's spread gave every strong seed's neighbours its whole rank; it is now held to their own evidence.
 */
const NAMED_OTHERS = 0.3;

/**
 * A project the text hints at counts up to `hinted`, by how strong the hint is. A project the user named outweighs
 * what the text hints at: the other projects count `NAMED_OTHERS` as much then. The gap between the affected
 * project and each other one shrinks with an uncertain pick (`certainty` < 1, see `certainMargin`).
 */
function projectPrior(edges: ProjectEdges, affected: string, hints: Map<string, ProjectHint>, named: boolean, certainty: number): (project: string) => number {
  const neighbours = new Set([...(edges.get(affected) ?? []), ...dependentsOf(edges, affected)]);
  const others = named ? NAMED_OTHERS : 1;
  const { affected: own, hinted, neighbour, other } = WEIGHTS.prior;
  return (project) => {
    if (project === affected) return own;
    const base = neighbours.has(project) ? neighbour : other;
    return own - (own - others * (base + (hinted - base) * Math.min(1, hints.get(project)?.score ?? 0))) * certainty;
  };
}

/** Past work is quoted as a reason for a file that got at least this share of the best file's votes. */
const PAST_WHY = 0.5;

/** The strongest one or two reasons a file is here, in words a reviewer can check. */
function fileWhy(
  file: IndexedFile,
  query: ParsedQuery,
  { lexical, test, past, importers, folderRepeat }: { lexical?: LexicalMatch; test?: TestMatch; past?: PastMatch; importers?: number; folderRepeat?: boolean },
  ranked: Array<{ file: IndexedFile }>,
): string {
  const reasons: string[] = [];
  const path = namedPath(file, query);
  if (path) reasons.push(`\`${path}\` is named in the query`);
  const defined = definedIdentifiers(file, query);
  if (defined.length) reasons.push(`defines ${defined.map((n) => `\`${n}\``).join(', ')} named in the query`);
  const used = query.identifiers.filter((name) => !defined.includes(name) && countOf(file.words.body, compoundTerm(name)));
  if (used.length)
    reasons.push(
      `uses ${used
        .slice(0, 3)
        .map((n) => `\`${n}\``)
        .join(', ')} named in the query`,
    );
  if (lexical?.matched.length) reasons.push(`its path or declarations match "${lexical.matched.slice(0, 3).join('", "')}"`);
  else if (lexical) reasons.push('its text matches the query');
  if (test && reasons.length < 2) reasons.push(`its test \`${test.test}\` matches the query`);
  if (past && past.score >= PAST_WHY && reasons.length < 2) reasons.push(`changed in past work like this ("${past.subject}")`);
  if (reasons.length < 2) {
    const neighbour = ranked.slice(0, 10).find(({ file: other }) => other !== file && (other.imports.includes(file.path) || file.imports.includes(other.path)));
    if (neighbour) reasons.push(neighbour.file.imports.includes(file.path) ? `imported by \`${neighbour.file.path}\`` : `imports \`${neighbour.file.path}\``);
  }
  if (importers) reasons.push(`ranked down as a hub (${importers} files import it)`);
  if (isTypeCatalogue(file)) reasons.push(`ranked down as a catalogue of types (${Math.round(file.bytes / 1000)} KB of declarations only)`);
  if (folderRepeat) reasons.push('ranked down: only its folder matches, as for files above it');
  if (DATA_SHAPE_ROLES.has(file.role)) reasons.push(`ranked down as a data shape (${file.role === 'dto' ? 'a DTO' : 'an entity'}: the work reads it)`);
  return reasons.join('; ') || 'central in the import graph';
}

/**
 * What reached each file along the graph (its rank less the share the walk restarted on it, for a seed),
 * scaled so the file that received most has 1.
 */
function propagated(rank: Map<string, number>, seeds: Map<string, number>, files: IndexedFile[]): Map<string, number> {
  const total = [...seeds.values()].reduce((a, b) => a + b, 0) || 1;
  const received = new Map(
    files.map((file) => [file.path, Math.max(0, (rank.get(file.path) ?? 0) - ((1 - WEIGHTS.ownRank) * WEIGHTS.restart * (seeds.get(file.path) ?? 0)) / total)]),
  );
  const max = Math.max(0, ...received.values()) || 1;
  return new Map([...received].map(([path, value]) => [path, value / max]));
}

/** Ranks of the files (not of the folder nodes), scaled so the best file has 1. */
function scaledToBestFile(rank: Map<string, number>, files: IndexedFile[]): Map<string, number> {
  const max = Math.max(0, ...files.map((file) => rank.get(file.path) ?? 0)) || 1;
  return new Map(files.map((file) => [file.path, (rank.get(file.path) ?? 0) / max]));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
