import { posix } from 'node:path';
import type { IndexedFile } from '../../code/types';
import { compoundTerm, countOf, derivationalRoot, spelledCompoundTerms, irregularVerbBase, splitWords, stopListVerbs, withoutNegated } from '../../code/words';
import type { CodeSymbol, FileRole } from '../../code/types';
import { lexicalScores } from '../../context/lexical';
import { parseQuery } from '../../context/query';
import type { RankedFile } from '../../context/types';
import type { ProjectFact } from '../../workspace/types';
import type { AreaId, Requirement, Sourced } from '../../templates/plan-data';
import { DATA_SHAPE_ROLES, isEndToEndTest } from '../../code/file-role';
import { CodeMap, EXTRACTED_CATALOG, exportedSymbols, type ServerRoute } from './code-map';
import { proseRole, readMentions, type Mention } from './mentions';

/** One change to one file (or, when no file can be named with confidence, to a project), with the requirements it serves. */
export interface PlannedChange {
  key: string;
  /** The file changed or created; absent when the work can only be placed at the module or project level. */
  path?: string;
  /** The module (folder) the work belongs in, when no file can be named. */
  folder?: string;
  project: string;
  isNew: boolean;
  /** What is done, as an imperative phrase naming the symbol: "Add the `GET /orders/export` handler to `OrdersController`". */
  action: string;
  area: AreaId;
  role: FileRole;
  requirements: Requirement[];
  /** Existing code this change uses as it is, rendered `name` (`path`). */
  uses: string[];
  /** Implementation order: shared code, server, client, tests. */
  order: number;
  /** A new symbol this change adds beside an existing one of the same shape: its contract is proposed from the sibling's. */
  adds?: { name: string; sibling: CodeSymbol };
  /**
   * Not named by the inputs: spelled out by their words (`spelled`), or found by the ranking (`retrieved`). Both
   * are the first to go when the plan grows too wide; retrieved files get no spec item of their own.
   */
  inferred?: 'spelled' | 'retrieved';
  /** Settings, checked through the code that uses them: no spec of its own. */
  untested?: boolean;
  /** The action names the path itself (specs): the item need not say where again. */
  pathInAction?: boolean;
  /** The specs it names are all end-to-end ones (`e2e/x.e2e-spec.ts`): they run with the project's end-to-end suite. */
  endToEnd?: boolean;
  /** Some of the specs it names are end-to-end ones and some not: both of the project's suites run them. */
  partlyEndToEnd?: boolean;
}

export interface ChangePlan {
  changes: PlannedChange[];
  /** What the inputs forbid using, with the requirement that says so. */
  avoid: Array<{ name: string; path?: string; requirement: Requirement }>;
  /** Existing code the inputs say to reuse. */
  reuse: Array<{ name: string; path: string; requirements: string[] }>;
  /**
   * Files the ranking found close to the feature but not sure enough to change: named for reading, with the
   * requirement each serves; none for a file that shares no word with any (found for the text as a whole).
   */
  read: Array<{ path: string; requirement?: string }>;
  /** The existing files the plan names (changed, their specs, reused, read): at most `MAX_EXISTING_FILES` where only inferred changes would pass it. */
  named: string[];
  /** Files the ranking found that a non-goal names: left as they are, with the non-goal that says so. */
  outOfScope: Array<{ name: string; nonGoal: Sourced }>;
  /** What the drafter could not place or resolve: each becomes an open question. */
  questions: string[];
}

/** Words that show a requirement is about the HTTP surface of a route rather than the logic behind it. */
const HTTP_SURFACE =
  /\b(headers?|content-type|content-disposition|cache-control|status code|shadowed|routed?|query param\w*|4\d\d|respond\w*|rate[- ]limit\w*|@roles|roles?\b|admin\w*|permission\w*|anonymous)\b/i;
const LOG_RULE = /\blogs?\b[^.]*\b(must not|never|only|no)\b|\b(must not|never|no)\b[^.]*\blogs?\b/i;
const PERSONAL_DATA = /\b(e-?mails?|personal|pii|ids only|passwords?|tokens?|addresses|phone)\b/i;
const DATABASE_SETTING = /\b(read replicas?|replicas?|connection pool\w*|statement[_ ]timeouts?|query timeouts?)\b/i;
/** The existing files (specs included) a plan may name: more is a plan no reviewer can hold, and mostly guesses. */
export const MAX_EXISTING_FILES = 12;
/**
 * An identifier a requirement spells out (`immediateCapture` for "an immediate capture setting") places it with a
 * planned change whose file uses it, when at most this many files use it: `cellValue`, in hundreds, says nothing of
 * where. Over the 28 PRD drafts, this placed 17 requirements of 9 plans that had waited in the catch-all item; of
 * the 14 placed on .ts files (the eval's changed files are .ts), 12 went to a file their commit changed (the plans'
 * .ts changes: 25 of 48).
 */
const SPELLED_IN_AT_MOST = 10;
/**
 * A word of a found file's name counts this many times a word of its members when it is shared with a
 * requirement (see `requirementsServedBy`): the name says what the file is about ("publishing a post" for
 * `posts.service.ts`), a member may share any word ("a given time" and a `…ByTime` method). Over the 28 PRD
 * drafts, the requirements it moved went to files their commit changed 8 times and to others 6 times, and took
 * 3 and 1 away (at 3: 11 and 12, taking 4 and 3 away).
 */
const NAME_WORD = 2;
/** A requirement sharing this share of the best one's telling words with a found file goes with its change too (see `alsoServedBy`). */
const ALSO_SERVED = 0.5;
const BROAD_KINDS = new Set<Requirement['kind']>(['story', 'job']);
/**
 * How sure a retrieved file must be to be named: a score this close to the engine's best, and at most this many.
 * To be planned as a change it must be among the engine's first few and closer still; the others are named for
 * reading. Measured on the 148 application commits and PRDs of teable and vendure: 26% (PRDs 40%) of those first
 * close files were files the commit changed, against 7% (PRDs 12%) of the rest.
 */
const RETRIEVAL = { closeToBest: 0.25, maxFiles: 10, change: { closeToBest: 0.75, first: 3 } };
/**
 * Data shapes (entities, DTOs) the ranking finds share the feature's nouns, but the work reads them: none of the
 * 148 application commits and PRDs measured changed one the ranking found (0 of 72, teable and vendure). They
 * change when the inputs ask to keep or accept new data.
 */
const STORES_DATA = /\b(stor(e|es|ed|ing|age)|persist\w*|sav(e|es|ed|ing)|migrat\w*|columns?|schema|new (fields?|propert(y|ies)|attributes?))\b/i;
/** Requirements that ask for text on screen. */
const UI_TEXT =
  /\b(labels?|buttons?|menus?|menu items?|messages?|dialogs?|modals?|titles?|headings?|text|tooltips?|placeholders?|toasts?|notifications?|captions?|empty state|confirm\w*|warn\w*)\b/i;
/** The context engine's reasons that rest on the text (the file's path or names match it, it declares or uses a name it gives). */
const LEXICAL_EVIDENCE = /named in the query|match/;
/** Noun phrases a feature relies on that should exist in the code: "the account page", "API keys", "a webhook endpoint". */
const UNKNOWN_CANDIDATE = /(?<![\w-])(?:[A-Za-z]+\s)?[A-Za-z]+\s(?:page|screen|keys?|tokens?|endpoint|webhooks?|queue|report)\b/gi;
/**
 * Words before such a noun that say which one or in what state ("for the first page", "a full page reload", "a
 * fresh token"), not what it is: left out, a lone noun is no term of the feature's.
 */
const NOT_A_TERM = new Set(
  (
    'the a an no any some this that these those all per each every our their its of for from to on in ' +
    'first last next previous full fresh new old current same other whole entire single main empty blank separate different default existing given own valid invalid'
  ).split(' '),
);
/** Words of a file name that say what kind of file it is, not what it is about (`use` opens a React hook's name). */
const ROLE_WORDS = new Set(
  'service controller module interceptor middleware guard dto entity resolver gateway repository spec test query util utils helper helpers store hook use component index main config option options type types model schema ts tsx'.split(
    ' ',
  ),
);
/** Declarations of types only: a change to a module is to what it does or holds (an enum holds values), and its types follow. */
const TYPE_KINDS = new Set<CodeSymbol['kind']>(['interface', 'type']);
/** Words a name leaves out: "modifying an order" spells `use-modify-order.ts` as "the orders page" spells `OrdersPage.tsx`. */
const ARTICLES = new Set(['a', 'an', 'the']);
/** What a class signature says it extends and implements: `class A extends B<C> implements D, E`. */
const HERITAGE = /\b(?:extends|implements)\s+([^{]*)/;
/** How a clause that states (rather than instructs) begins: a pronoun or a determiner, its subject's. */
const STATEMENT_START = /^(it|they|this|that|these|those|the|a|an|each|every|all|no|its|their|users?|customers?)\b/i;
/**
 * A sentence that points back at the one before: it opens with a pronoun, or its first clause speaks of "these" or
 * "such" things (after a semicolon, "such values" points at its own first clause).
 */
const REFERS_BACK = /^(this|it|these|they|such)\b|^[^;:]*?\b(these|such)\s+(?!as\b)[a-z]+/i;
/** A clause opening with what to do: a verb of code work in its base form, maybe after an adverb ("correctly publish"). */
const INSTRUCTION_START =
  /^(?:(?:also|correctly|always|now|only)\s+)?(?:add|allow|adjust|apply|avoid|block|change|clean|clear|convert|copy|create|delete|disable|display|drop|enable|ensure|export|expose|extend|extract|filter|fix|handle|hide|implement|import|improve|include|keep|limit|list|load|log|make|mark|merge|move|optimi[sz]e|paste|persist|prevent|publish|refactor|reject|remove|rename|render|reorder|replace|reset|restore|return|save|send|set|show|skip|sort|split|store|support|track|update|upgrade|use|validate|wrap|write)\b/i;
/** How a condition begins ("when a user saves a view", "if none is set"): it says when, not what to change. */
const CONDITION_START = /^(when|whenever|if|unless|once|after|before|while|until|as soon as)\b/i;
/** In how many components or hooks a UI element's word must be for the client to have one already (a package's). */
const UI_ELEMENT_IN_USE = 3;
const UI_ELEMENT = /\b(?:(confirmation|confirm|date|file|search|filter)\s+)?(dialog|modal|drawer|toast|tooltip|popover|dropdown|stepper|wizard|lightbox)\b/i;
/** Access rules: who may call a route, and how often. */
const ACCESS =
  /\b(roles?|admins?|permissions?|authori[sz]\w*|authenticat\w*|anonymous|unauthenticated|401|403|429|rate[- ]limit\w*|per (?:user|minute|hour))\b/i;
const FRONTEND_WORDS = /\b(button|page|screen|keyboard|aria-\w+|click\w*|dialog|modal|visible|shown|displays?|form|dashboard|browser|announce\w*|focus)\b/gi;
const BACKEND_WORDS = /\b(api|endpoint|route|server|database|query|queries|sql|service|log|logs|audit\w*|request|response|stream\w*|rows?|jobs?)\b/gi;
const CLIENT_SURFACE = /\b(requests?|calls?|fetch\w*|download\w*|blob|mutation|hook|api client|credentials)\b/i;
/** Verbs and generic words that say nothing about the domain a new name belongs to. */
const GENERIC_WORDS = new Set(
  'to from get set is has use with make build create add remove update delete find load save handle on by for of the and or new all list item items data value values field fields row rows util utils helper helpers format parse escape map to'.split(
    ' ',
  ),
);
/** Roles whose files get a spec when they change; data shapes, wiring and config are checked through their users. */
const TESTED_ROLES: FileRole[] = ['controller', 'service', 'component', 'hook', 'store', 'guard', 'util', 'other'];
const ORDER: Record<AreaId, number> = { shared: 0, backend: 1, security: 2, frontend: 3, testing: 4 };

interface Slice {
  route?: { method: string; path: string; controller: IndexedFile; owner: string; handler: string };
  service?: IndexedFile;
  client?: string;
  page?: string;
  sharedFile?: string;
}

/**
 * Turns requirements into changes of files, the way an engineer reads a spec against the code: each mention is
 * resolved (existing or new) and given its role in its sentence; only targets and new code become work, reused
 * code is named in the work that uses it, forbidden code becomes a guard rail. A requirement that names no
 * code lands on the slice of the feature already found on its side (the route, its service, the client call,
 * the page); when there is none, it stays at the project level and raises a question, never on a guessed file.
 */
export function planChanges(
  requirements: Requirement[],
  code: CodeMap,
  affected: ProjectFact,
  ranked: RankedFile[] = [],
  nonGoals: Sourced[] = [],
): ChangePlan {
  // What the inputs keep as it is is behaviour not to break, not work: it is checked, never placed on code.
  const changing = requirements.filter((r) => !r.keeps);
  // Inputs that name the code to change (or to write) are trusted for it; inputs that name code only in
  // passing, or none, are also read for what their words spell out and for what the ranking finds.
  const namesCode = changing.some((r) => readMentions(r.text, code).some((m) => m.role === 'target'));
  const planner = new Planner(code, affected, namesCode, ranked);
  // Stated requirements first: they name the code; stories and jobs then land on the slice those found.
  const specificFirst = [...changing].sort((a, b) => Number(BROAD_KINDS.has(a.kind)) - Number(BROAD_KINDS.has(b.kind)));
  for (const requirement of specificFirst) planner.read(requirement);
  planner.followTheStack(changing);
  planner.serverWideConcerns(changing);
  planner.excludeByNonGoals(nonGoals, changing);
  planner.retrieveForFeature(specificFirst);
  planner.placeInNamedProjects(changing);
  planner.leaveOutOfScope();
  planner.addCatalogText();
  const kept = requirements.filter((r) => r.keeps);
  // The suite that checks what the inputs keep is named last, and counts among the files kept within reach.
  planner.keepWithinReach(kept.length ? code.suiteFor(affected.name) : undefined);
  planner.addTests();
  planner.checkKept(kept);
  return planner.result();
}

class Planner {
  private readonly changes = new Map<string, PlannedChange>();
  private readonly avoid: ChangePlan['avoid'] = [];
  private readonly reuse = new Map<string, { name: string; path: string; requirements: string[] }>();
  private readonly outOfScope: ChangePlan['outOfScope'] = [];
  /** Files a non-goal excludes (see `excludeByNonGoals`), with the non-goal; those the ranking found are set aside in `foundButExcluded`. */
  private readonly excludedBy = new Map<string, Sourced>();
  private readonly foundButExcluded = new Set<string>();
  /** Files found close to the feature but not surely, with the requirement each would serve: named for reading. */
  private readonly toRead = new Map<string, Requirement>();
  /**
   * Found files that share no word with any requirement (their code uses the text's words, their names do not):
   * close to no one requirement, so never a requirement's "closest code found" (that sent an engineer to a wiring
   * module for a notification rule), but still named to read: short inputs find their files so ("feat: higher
   * limit" and the `app.module.ts` whose throttler it raises). Left out of the plans, they cost the nx-apps set's
   * plan recall 0.557 → 0.441, though the commits changed 0 of 7 in the 28 PRD drafts.
   */
  private readonly readForFeature = new Set<string>();
  private readonly questions: string[] = [];
  /** Requirements no file could be named for, and where they go: asked about once the files named for reading are settled. */
  private readonly unplaced: Array<{ requirement: Requirement; where: string; named?: string }> = [];
  private readonly slice: Slice = {};
  private headerEntry?: IndexedFile;
  /** Requirements placed by following the code's structure from what they name (a page, its stack). */
  private readonly readStructurally = new Set<Requirement>();
  /** Each requirement's `closestFile`, read once. */
  private readonly closest = new Map<Requirement, string | undefined>();
  /** The engine's files whose evidence is lexical (the file's path or names match the text, it declares or uses a name it gives), best first. */
  private readonly lexical: RankedFile[];

  constructor(
    private readonly code: CodeMap,
    private readonly affected: ProjectFact,
    private readonly inputsNameCode: boolean,
    private readonly ranked: RankedFile[],
  ) {
    this.lexical = ranked.filter((f) => f.role !== 'test' && LEXICAL_EVIDENCE.test(f.why));
  }

  read(requirement: Requirement): void {
    const mentions = readMentions(requirement.text, this.code);
    const sectionProjects = this.sectionProjects(requirement);
    const made: PlannedChange[] = [];
    const uses: string[] = [];
    for (const mention of mentions) {
      if (mention.role === 'avoid') this.noteAvoid(mention, requirement);
      else if (mention.role === 'reuse') uses.push(...this.noteReuse(mention, requirement));
    }
    const targets = mentions.filter((m) => m.role === 'target');
    const hosts = targets.filter((m) => m.resolved.kind === 'project').map((m) => (m.resolved as { project: ProjectFact }).project);
    const newNames: string[] = [];
    for (const mention of targets) {
      const r = mention.resolved;
      if (r.kind === 'route') made.push(...this.routeChange(r.method, r.path, r.existing, requirement));
      else if (r.kind === 'new' && r.owner)
        made.push(this.change(r.owner.file, `Add \`${r.owner.symbol.name}.${r.member}\` to \`${r.owner.symbol.name}\``, requirement));
      else if (r.kind === 'new') newNames.push(r.name);
      else if (r.kind === 'symbol' && !made.some((c) => c.path === r.hit.file.path))
        made.push(this.change(r.hit.file, changeOf(r.hit.symbol.name, r.member, r.hit.symbol.exported), requirement));
      else if (r.kind === 'file') {
        const file = this.code.file(r.path);
        if (file && !made.some((c) => c.path === file.path)) made.push(this.change(file, `Change \`${posix.basename(file.path)}\``, requirement));
      }
    }
    if (newNames.length) made.push(...this.placeNewNames(newNames, [...hosts, ...sectionProjects], made, requirement));
    made.push(...this.readPlainWords(requirement, this.inputsNameCode, uses));
    if (made.length === 0) made.push(...this.placeBySlice(requirement, sectionProjects));
    // Unplaced work waits for the feature-wide retrieval (inputs that name no target) or becomes a question.
    if (made.length === 0 && this.inputsNameCode) made.push(this.askWhere(requirement));
    this.noteUnknownTerms(requirement);
    for (const change of made) for (const use of uses) if (!change.uses.includes(use)) change.uses.push(use);
  }

  /**
   * Inputs that name no code to change (a commit message, a one-line description), for what reading them left
   * unplaced: the context engine's best files for the whole text, when its evidence is lexical (the file's path
   * or names match the text, or it declares or uses a name the text gives; not graph position alone) and its
   * score is close to the best. Each goes to the requirement whose words it shares most: as a change when the
   * engine is sure of it, else named for reading; requirements left with no change become questions.
   */
  retrieveForFeature(all: Requirement[]): void {
    if (this.inputsNameCode) return;
    // Not what reading the text placed through the code's structure (a page and the stack below it): that
    // reading is stronger than a ranking. File names the words merely spell out are weaker: the ranking adds to them.
    const requirements = all.filter((r) => !this.readStructurally.has(r) && ![...this.changes.values()].some((c) => c.requirements.includes(r) && !c.inferred));
    if (requirements.length === 0) return;
    const best = this.lexical[0]?.score ?? 0;
    const kept = this.lexical.filter((f) => f.score >= best * RETRIEVAL.closeToBest).slice(0, RETRIEVAL.maxFiles);
    // What a requirement for tests asks is cases in a suite (see `coverInSuite`): no source file serves it.
    const served = requirements.some((r) => r.area !== 'testing') ? requirements.filter((r) => r.area !== 'testing') : requirements;
    const servedWords = served.map((r) => new Set(splitWords(this.code.withoutProjectKinds(r.text))));
    const shapes: Array<{ file: IndexedFile; name: string; requirement: Requirement }> = [];
    for (const ranked of kept) {
      const file = this.code.index.files.get(ranked.path);
      if (!file || this.changes.has(`${file.path}#inferred`) || [...this.changes.values()].some((c) => c.path === file.path)) continue;
      // What the text itself says is used or forbidden is not the ranking's to make a change.
      if ([...this.reuse.values()].some((r) => r.path === file.path) || this.avoid.some((a) => a.path === file.path)) continue;
      if (this.isParallel(file.project)) continue;
      const [best, ...others] = requirementsServedBy(file, served, servedWords);
      if (!best) continue;
      if (best.score === 0) this.readForFeature.add(file.path);
      const { requirement } = best;
      const words = new Set(splitWords(requirement.text));
      if (DATA_SHAPE_ROLES.has(file.role) && !STORES_DATA.test(requirement.text)) {
        // Read, not changed: reused as is by the change that imports it (below), else named to read.
        shapes.push({ file, name: shapeName(file, words), requirement });
        continue;
      }
      const also = alsoServedBy(file, best, others);
      const implementation = this.implementationOfUsed(file, [requirement, ...also]);
      if (implementation) {
        this.addReuse(implementation, file.path, requirement);
        continue;
      }
      // What a non-goal excludes is neither changed nor read: the requirement finds its place elsewhere.
      if (this.excludedBy.has(file.path)) {
        this.foundButExcluded.add(file.path);
        continue;
      }
      if (!this.isSurelyFound(file.path) || this.acrossSides(file.path, file.project, [requirement, ...also])) {
        // A generated file says nothing of where work goes (its tool writes it): regenerated when sure, never read.
        if (!file.generated) this.toRead.set(file.path, requirement);
        continue;
      }
      this.retrievedChange(file, requirement, also);
    }
    // A data shape is used by the change whose file imports it; one no change imports only shares a word with the
    // text (a `CacheTag` entity for "tag 1 AND tag 2"): it is named to read, not as used.
    for (const { file, name, requirement } of shapes) {
      const user = [...this.changes.values()].find(
        (c) => c.requirements.includes(requirement) && c.path && this.code.file(c.path)?.imports.includes(file.path),
      );
      if (!user) {
        this.toRead.set(file.path, requirement);
        continue;
      }
      const use = this.addReuse(name, file.path, requirement);
      if (!user.uses.includes(use)) user.uses.push(use);
    }
    // A lead-in goes where the items detailing it went: it is placed after them.
    const detailed = (r: Requirement) => detailsOf(r, all).length > 0;
    for (const requirement of [...requirements.filter((r) => !detailed(r)), ...requirements.filter(detailed)]) {
      if ([...this.changes.values()].some((c) => c.requirements.includes(requirement))) continue;
      const host = served.includes(requirement)
        ? (this.changeOfDetails(requirement, all) ??
          this.changeOfPrevious(requirement, all) ??
          this.hostUsingSpelled(requirement) ??
          this.changeUsingShape(requirement) ??
          this.closestChange(requirement))
        : undefined;
      if (!host) this.askWhere(requirement);
      else if (!host.requirements.includes(requirement)) host.requirements.push(requirement);
    }
  }

  /**
   * The planned change of the requirement stated just before one that points back at it ("This must work for both
   * relation kinds", "All existing operators must be supported for these conditions", "It must then recalculate the
   * order's prices"): the sentence continues the one before, so its work is in the same code.
   */
  private changeOfPrevious(requirement: Requirement, inOrder: Requirement[]): PlannedChange | undefined {
    if (!isStated(requirement) || !REFERS_BACK.test(requirement.text)) return undefined;
    const previous = inOrder
      .slice(0, inOrder.indexOf(requirement))
      .reverse()
      .find((r) => r.section === requirement.section);
    return previous && this.sourceChanges().find((c) => c.requirements.includes(previous));
  }

  /**
   * The planned change serving most of the items a requirement's nested list details it with ("Stacks are built as
   * follows:" and its FR2.1–FR2.4; "Target placement rules:"), the first of those serving as many: its words are a
   * lead-in, its substance is theirs, and so is its place.
   */
  private changeOfDetails(requirement: Requirement, all: Requirement[]): PlannedChange | undefined {
    const details = new Set(detailsOf(requirement, all));
    let best: { change?: PlannedChange; served: number } = { served: 0 };
    for (const change of this.sourceChanges()) {
      const served = change.requirements.filter((r) => details.has(r)).length;
      if (served > best.served) best = { change, served };
    }
    return best.change;
  }

  /** The planned changes to existing source files (not new files, not specs): what a requirement with no place of its own may join. */
  private sourceChanges(): PlannedChange[] {
    return [...this.changes.values()].filter((c) => c.path && !c.isNew && c.role !== 'test');
  }

  /**
   * The planned change whose file is where a requirement no file was found for leads on its own: the engine's
   * lexical match of the requirement alone, over the whole workspace, ranks that file first ("the platform must
   * detect when a filter uses a custom filter property whose mapping points through a many-to-many relation" and the
   * `ListQueryBuilder` the plan changes for the PRD's story). On the 28 PRDs, 28 requirements that had an open
   * question go so, 22 of them to a file the commit changed; a requirement whose words lead elsewhere keeps its
   * question.
   */
  private closestChange(requirement: Requirement): PlannedChange | undefined {
    // A sentence of a free description (a commit's body) is read with the whole text, as the ranking did (on the
    // commit sets, 6 of 13 so placed went to a changed file).
    if (!isStated(requirement)) return undefined;
    const changes = this.sourceChanges();
    if (changes.length === 0) return undefined;
    const closest = this.closestFile(requirement);
    return changes.find((c) => c.path === closest) ?? this.readFileToChange(closest, requirement);
  }

  /** The source file the engine's lexical match of a requirement alone ranks first over the whole workspace, if any. */
  private closestFile(requirement: Requirement): string | undefined {
    if (!this.closest.has(requirement)) {
      const sources = [...this.code.index.files.values()].filter((f) => f.role !== 'test');
      this.closest.set(requirement, closestByWords(sources, requirement.text));
    }
    return this.closest.get(requirement);
  }

  /**
   * A file named to read (found for the text as a whole, not surely) that a requirement, read on its own, also
   * leads to first: two readings agree on it, so it is where that requirement's work goes (the login cookie
   * cleared "after a user adds a password" and the auth controller; "an empty AND group must not restrict results"
   * and the filter parser of the list query builder), in a project where the plan already changes a file (not only
   * asks where work goes: that says no code there is sure). On the 28 PRDs, 21
   * requirements left without a place get one, and of the 32 requirements whose place moved, 22 are now on a file
   * the commit changed; the plans change 3.3 files instead of 2.8, a third of them gold as before (32.6%, against
   * 32.5%). The commit sets' free descriptions do not move (see `closestChange`).
   */
  private readFileToChange(path: string | undefined, requirement: Requirement): PlannedChange | undefined {
    const file = path ? this.code.file(path) : undefined;
    if (!file || !this.toRead.has(file.path) || !this.mayChangeFor(file, requirement)) return undefined;
    if (!this.sourceChanges().some((c) => c.project === file.project)) return undefined;
    this.toRead.delete(file.path);
    return this.retrievedChange(file, requirement);
  }

  /**
   * Where a file uses an identifier a stated requirement spells out, one few files use (see `hostUsingSpelled`), if
   * it does: the longest first ("delete comment reaction" is `deleteCommentReaction` before `deleteComment`). A
   * sentence of a free description is read with the whole text: on the commit sets, of the 10 items it would move,
   * one more named the changed method and one named a declaration its commit did not change.
   */
  private spelledUse(file: IndexedFile, requirement: Requirement): ReturnType<CodeMap['useOf']> {
    if (!isStated(requirement)) return undefined;
    for (const term of this.rareSpelledTerms(requirement).sort((a, b) => b.length - a.length)) {
      const use = countOf(file.words.body, term) > 0 ? this.code.useOf(file.path, term) : undefined;
      if (use) return use;
    }
    return undefined;
  }

  /**
   * Whether a file named to read may become the change for a requirement on one more reading's word: not a data
   * shape, a declaration of types only (an interface's `activeTaxZone: Zone` names the value, the code that
   * remembers it is elsewhere) or a generated file; and for text on screen ("the Add view menu's entry", status
   * messages centred), a client's file, not a server's or a shared model's.
   */
  private mayChangeFor(file: IndexedFile, requirement: Requirement): boolean {
    if (DATA_SHAPE_ROLES.has(file.role) || file.typesOnly || file.generated) return false;
    return !UI_TEXT.test(requirement.text) || this.code.sideOf(this.code.facts.projects[file.project] ?? this.affected) === 'frontend';
  }

  /**
   * The change to a file the ranking found, for the requirement it serves best (its symbol) and the others it
   * serves too (its method, read with the verbs `splitWords` drops: `addPassword` for "after a user adds a password",
   * not `resetPassword`; on the application and PRD sets it names one more method, changed by its commit, and
   * moves no other item, nor any of the library set's 134 drafts); for a stated requirement that spells an
   * identifier the file uses, the declaration and method where it uses it (`spelledUse`).
   */
  private retrievedChange(file: IndexedFile, requirement: Requirement, also: Requirement[] = []): PlannedChange {
    const use = this.spelledUse(file, requirement);
    const symbol = use?.symbol ?? symbolToChange(file, new Set(splitWords(requirement.text)));
    const member = use
      ? use.member
      : symbol && memberToChange(symbol, new Set([requirement, ...also].flatMap((r) => [...splitWords(r.text), ...stopListVerbs(r.text)])));
    const change = this.change(
      file,
      symbol ? changeOf(symbol.name, member?.name, symbol.exported) : `Change \`${posix.basename(file.path)}\``,
      requirement,
      `${file.path}#inferred`,
    );
    change.inferred = 'retrieved';
    for (const served of also) if (!change.requirements.includes(served)) change.requirements.push(served);
    return change;
  }

  /**
   * The planned change to the file that uses a data shape named to read for a requirement no file was found to
   * change for ("out-of-date copies of order lines must not be saved afterwards": the `OrderLine` entity, and the
   * order service the plan changes, which loads and saves them): data is read and written by the code that
   * handles it, so the requirement goes with that change, the shape as used, rather than waiting for its place;
   * not a change on the other side of the system from the one the requirement speaks of (a server's service, whose
   * DTO a "selector that can be scrolled on screen" shares the link field's name with).
   */
  private changeUsingShape(requirement: Requirement): PlannedChange | undefined {
    const spoken = spokenSide(requirement.text);
    const onItsSide = (change: PlannedChange) => {
      const side = this.code.sideOf(this.code.facts.projects[change.project] ?? this.affected);
      return !spoken || side === 'shared' || side === spoken;
    };
    for (const [path, readFor] of this.toRead) {
      const shape = this.code.file(path);
      if (readFor !== requirement || !shape || !DATA_SHAPE_ROLES.has(shape.role)) continue;
      const user = this.sourceChanges().find((c) => onItsSide(c) && this.code.file(c.path!)?.imports.includes(path));
      if (!user) continue;
      const use = this.addReuse(shapeName(shape, new Set(splitWords(requirement.text))), path, requirement);
      if (!user.uses.includes(use)) user.uses.push(use);
      this.toRead.delete(path);
      return user;
    }
    return undefined;
  }

  /**
   * The file whose code uses an identifier the requirement spells out in prose, one few files use ("an optional
   * immediate capture setting" and `input.immediateCapture`; "the remembered active tax zone" and the
   * `activeTaxZone` the price applicator caches): the requirement is about that code, so its work goes there rather
   * than waiting for its place to be settled. The file is a planned change to an existing file, or one named to read
   * (the ranking found it close, and an engineer's search for the identifier finds it too; see `mayChangeFor`).
   * Of several, the one using most of the identifiers, then the one the requirement's own words match best ("used
   * when calculating order totals" and the order calculator, beside the price applicator). A file made the change so
   * is changed where it uses the identifier (`applyPriceAdjustments`, not `calculateOrderTotals` for its name).
   */
  private hostUsingSpelled(requirement: Requirement): PlannedChange | undefined {
    const spelled = this.rareSpelledTerms(requirement);
    if (spelled.length === 0) return undefined;
    const planned = new Set([this.affected.name, ...[...this.changes.values()].map((c) => c.project)]);
    const changed = this.sourceChanges().flatMap((change) => this.code.file(change.path!) ?? []);
    // A sentence of a free description (a commit's body) is read with the whole text, as in `closestChange`: on the
    // commit sets, 1 of the 5 files so made a change was one its commit changed.
    const read = (isStated(requirement) ? [...this.toRead.keys()] : [])
      .flatMap((path) => this.code.file(path) ?? [])
      .filter((file) => planned.has(file.project) && this.mayChangeFor(file, requirement));
    const uses = new Map<IndexedFile, number>();
    for (const file of [...changed, ...read]) {
      const used = spelled.filter((term) => countOf(file.words.body, term) > 0).length;
      if (used > 0) uses.set(file, used);
    }
    const most = Math.max(0, ...uses.values());
    const candidates = [...uses].filter(([, used]) => used === most).map(([file]) => file);
    if (candidates.length === 0) return undefined;
    const host = this.code.file(closestByWords(candidates, requirement.text) ?? candidates[0].path)!;
    const change = this.sourceChanges().find((c) => c.path === host.path);
    if (change) return change;
    this.toRead.delete(host.path);
    return this.retrievedChange(host, requirement);
  }

  /** The identifiers a requirement spells out in prose that few files use (see `SPELLED_IN_AT_MOST`), as compound terms. */
  private rareSpelledTerms(requirement: Requirement): string[] {
    return spelledCompoundTerms(requirement.text).filter((term) => this.code.filesUsing(term) <= SPELLED_IN_AT_MOST);
  }

  /**
   * A story or a job is the stated requirements' work seen from the user: when no file is named for it, the change
   * to the file sharing most of its words serves it, and asking where it belongs would ask twice.
   */
  private hostOf(broad: Requirement): PlannedChange | undefined {
    const words = new Set(splitWords(broad.text));
    let host: { change?: PlannedChange; shared: number } = { shared: 0 };
    for (const change of this.changes.values()) {
      const file = change.path && !change.isNew ? this.code.file(change.path) : undefined;
      if (!file || change.requirements.every((r) => BROAD_KINDS.has(r.kind))) continue;
      const shared = [...wordsAbout(file)].filter((w) => words.has(w)).length;
      if (shared > host.shared) host = { change, shared };
    }
    return host.change;
  }

  /**
   * Whether a file the ranking found is in a project on the other side of the system from the affected one (the
   * admin client of the affected server, or the server of the affected client) while none of the requirements a
   * spec states that it serves speaks of that side. Such a file shares the feature's nouns (the admin's fragment of
   * an order line for "clear the discount from every order line and store it"), and the work stays on the affected
   * side: it is named to read, unless the ranking found it above every file of the affected project. On the PRD
   * set, 3 of 83 planned changes went to reading (teable 1, vendure 2), none of them a file the commit changed.
   */
  private acrossSides(path: string, project: string, requirements: Requirement[]): boolean {
    const other = this.code.facts.projects[project];
    if (project === this.affected.name || !other) return false;
    // A sentence of a free description (a commit subject, a one-line task) is silent about most things.
    if (!requirements.every(isStated)) return false;
    // Found above every file of the affected project, it is where the ranking says the work is: the pick may be wrong.
    const own = this.lexical.findIndex((f) => f.project === this.affected.name);
    if (own < 0 || this.lexical.findIndex((f) => f.path === path) < own) return false;
    const [ours, theirs] = [this.code.sideOf(this.affected), this.code.sideOf(other)];
    if (ours === 'shared' || theirs === 'shared' || ours === theirs) return false;
    return !requirements.some((requirement) => spokenSide(requirement.text) === theirs);
  }

  /**
   * The class of a found file that implements or extends what the text says its requirements use ("determined via
   * the configured tax zone strategy": `AddressBasedTaxZoneStrategy implements TaxZoneStrategy`): the default of
   * something the work goes through is used with it, not changed, as the plan already says of what it implements.
   */
  private implementationOfUsed(file: IndexedFile, requirements: Requirement[]): string | undefined {
    const ids = new Set(requirements.map((r) => r.id));
    const used = new Set([...this.reuse.values()].filter((r) => r.requirements.some((id) => ids.has(id))).map((r) => r.name));
    if (used.size === 0) return undefined;
    return exportedSymbols(file).find(
      (symbol) => symbol.kind === 'class' && (HERITAGE.exec(symbol.signature)?.[1].match(/[A-Za-z_$][\w$]*/g) ?? []).some((name) => used.has(name)),
    )?.name;
  }

  /** Whether the engine is sure enough of a file to plan it as a change: among its first lexical candidates, and close to the best. */
  private isSurelyFound(path: string): boolean {
    const at = this.lexical.findIndex((f) => f.path === path);
    return at >= 0 && at < RETRIEVAL.change.first && this.lexical[at].score >= this.lexical[0].score * RETRIEVAL.change.closeToBest;
  }

  /**
   * A requirement that names another project as where its work runs ("the delayed job runs in the workers app")
   * has work there, whatever the plan changes elsewhere for it: when no change in that project serves it, it is
   * placed there at the project level, with the question of where.
   */
  placeInNamedProjects(requirements: Requirement[]): void {
    for (const requirement of requirements) {
      for (const project of this.code.projectsNamedIn(requirement.text)) {
        if (project.name === this.affected.name) continue;
        if ([...this.changes.values()].some((c) => c.project === project.name && c.requirements.includes(requirement))) continue;
        this.askWhere(requirement, project);
      }
    }
  }

  /**
   * Work no file can be named for with confidence stays at the module level (the project's folder the
   * requirement's words name, `apps/api/src/orders/`) or the project level, and the plan asks where it goes:
   * in the project the text names for it (`named`), else the one its section names, else the one on the side of the
   * system it speaks of (`projectOnSpokenSide`), else the affected one.
   */
  private askWhere(requirement: Requirement, named?: ProjectFact): PlannedChange {
    const host = !named && BROAD_KINDS.has(requirement.kind) ? this.hostOf(requirement) : undefined;
    if (host) {
      host.requirements.push(requirement);
      return host;
    }
    const section = this.sectionProjects(requirement)[0];
    const spoken = named || section ? undefined : this.projectOnSpokenSide(requirement);
    const project = named ?? section ?? spoken ?? this.affected;
    const suite = requirement.area === 'testing' ? this.code.suiteFor(project.name) : undefined;
    if (suite) return this.coverInSuite(suite, project.name, requirement);
    const folder = this.moduleFolder(project, requirement.text);
    const surface = folder && this.surfaceOf(folder, requirement);
    if (surface) return surface;
    const where = folder ? `\`${folder}/\`` : `\`${project.name}\``;
    this.unplaced.push({ requirement, where, named: (named ?? spoken)?.name });
    const key = `${project.name}#unplaced ${folder ?? ''}`;
    const existing = this.changes.get(key);
    if (existing) {
      existing.requirements.push(requirement);
      return existing;
    }
    const side = this.code.sideOf(project);
    const area: AreaId = requirement.area === 'security' ? 'security' : side;
    const change: PlannedChange = {
      key,
      project: project.name,
      folder,
      isNew: false,
      action: 'Implement',
      area,
      role: 'other',
      requirements: [requirement],
      uses: [],
      order: ORDER[area],
    };
    this.changes.set(key, change);
    return change;
  }

  /**
   * The project on the other side of the system from the affected one where a stated requirement's work is, when two
   * readings agree on it: the requirement speaks of that side ("the settings UI … the button is highlighted" in a plan
   * for the server), and the engine's lexical match of it alone, over the whole workspace, leads to that project's
   * code. Work on that side is done there, not in the affected project, and so is the search for its place. On the
   * 28 PRD drafts, 10 requirements of 7 teable plans for the server go so ("the settings UI continues to present a
   * 'hide fields' control", "plugin frames load lazily on the dashboard"), 9 of them to a project their commit
   * changed; vendure's none (its dashboard's requirements speak of rows and lists, which their words alone keep there).
   */
  private projectOnSpokenSide(requirement: Requirement): ProjectFact | undefined {
    const spoken = isStated(requirement) ? spokenSide(requirement.text) : undefined;
    const ours = this.code.sideOf(this.affected);
    if (!spoken || ours === 'shared' || ours === spoken) return undefined;
    const path = this.closestFile(requirement);
    const closest = path ? this.code.projectOf(path) : undefined;
    return closest && this.code.sideOf(closest) === spoken ? closest : undefined;
  }

  /**
   * A requirement for tests ("Automated coverage must include exporting a view that hides a field") goes to the
   * project's suite for the feature, the one the other test work of the plan extends: its place is known.
   */
  private coverInSuite(suite: string, project: string, requirement: Requirement): PlannedChange {
    const key = `${suite}#cover`;
    const existing = this.changes.get(key);
    if (existing) {
      existing.requirements.push(requirement);
      return existing;
    }
    const change: PlannedChange = {
      key,
      path: suite,
      project,
      isNew: false,
      endToEnd: isEndToEndTest(suite),
      action: `Extend \`${suite}\` with the cases the inputs ask for`,
      pathInAction: true,
      area: 'testing',
      role: 'test',
      requirements: [requirement],
      uses: [],
      order: ORDER.testing,
    };
    this.changes.set(key, change);
    return change;
  }

  /**
   * In a module the requirement names, the file that carries behaviour of its side: on the server the module's
   * one controller (the logic going to the service it delegates to), on the client its one page or component.
   */
  private surfaceOf(folder: string, requirement: Requirement): PlannedChange | undefined {
    const files = [...this.code.index.files.values()].filter((f) => posix.dirname(f.path) === folder && f.role !== 'test');
    const one = (role: FileRole) => {
      const found = files.filter((f) => f.role === role);
      return found.length === 1 ? found[0] : undefined;
    };
    const controller = one('controller');
    if (controller) {
      const owner = controller.symbols.find((s) => s.kind === 'class' && s.exported)?.name;
      const change = this.change(
        controller,
        owner ? `Add the handler for this to \`${owner}\`` : 'Add the handler for this',
        requirement,
        `${controller.path}#module`,
      );
      const service = this.serviceOf(controller);
      if (service) {
        const serviceOwner = service.symbols.find((s) => s.kind === 'class' && s.exported)?.name;
        this.change(service, serviceOwner ? `Add the logic for this to \`${serviceOwner}\`` : 'Add the logic for this', requirement, `${service.path}#module`);
        this.slice.service ??= service;
      }
      return change;
    }
    const component = one('component');
    return component
      ? this.change(component, changeOf(component.symbols.find((s) => s.exported)?.name ?? posix.basename(component.path), undefined, true), requirement)
      : undefined;
  }

  /**
   * The one folder of a project's source whose name the text says ("orders" → `apps/api/src/orders`), if exactly
   * one, and if it holds a file the engine found for the whole feature: a requirement's common noun ("move the
   * cards", "as a user") names a folder of any large app (`design/card/`, `components/user/`) that may have
   * nothing to do with the feature.
   */
  private moduleFolder(project: ProjectFact, text: string): string | undefined {
    const words = new Set(splitWords(text));
    const folders = new Set(
      this.code
        .filesOf(project.name)
        .filter((f) => f.role !== 'test')
        .map((f) => posix.dirname(f.path)),
    );
    const named = [...folders].filter(
      (folder) => folder !== project.sourceRoot && folder !== project.root && splitWords(posix.basename(folder)).every((w) => words.has(w)),
    );
    return named.length === 1 && this.ranked.some((f) => f.path.startsWith(`${named[0]}/`)) ? named[0] : undefined;
  }

  /** Things the text relies on that nothing in the code is ("the account page", "API keys"): open questions, not silence. */
  private noteUnknownTerms(requirement: Requirement): void {
    for (const term of this.unknownTerms(requirement.text)) {
      const question = `The inputs rely on "${term}" (${requirement.source}), but nothing in the workspace is named so: is it new work, or does it exist under another name?`;
      if (!this.questions.includes(question)) this.questions.push(question);
    }
  }

  private unknownTerms(text: string): string[] {
    return [...text.matchAll(UNKNOWN_CANDIDATE)]
      .map((m) => {
        // A name runs up to its noun without a function word inside: "fit on screen" names no screen.
        const words = m[0].trim().split(/\s+/);
        const last = words.map((word) => NOT_A_TERM.has(word.toLowerCase())).lastIndexOf(true);
        return words.slice(last + 1).join(' ');
      })
      .filter((term) => {
        const words = splitWords(term);
        return words.length >= 2 && !this.code.isSpelled(words);
      });
  }

  /**
   * What a text says without naming code, read as an engineer would: files whose names it spells out ("the
   * orders page" → `OrdersPage.tsx`, "the request log" → `request-logging.interceptor.ts`), and from a page the
   * stack below it (the client it calls, the controller and service behind that call, the member that already
   * does the same for one record); a UI element no library has yet; a header on every response.
   */
  private readPlainWords(requirement: Requirement, namesCode: boolean, uses: string[]): PlannedChange[] {
    const made: PlannedChange[] = [];
    if (!namesCode) {
      for (const file of this.filesSpelledOut(requirement.text)) {
        const symbol = symbolToChange(file, new Set(splitWords(requirement.text)));
        // A name spelled out has the role its sentence gives it, as a name in backticks does: "determined via the
        // configured tax zone strategy" uses the strategy, it does not change it.
        const start = spelledAt(requirement.text, file);
        const role = start === undefined ? 'target' : proseRole(requirement.text, start);
        const name = symbol?.name ?? posix.basename(file.path);
        // What the affected project cannot import (another app's directive) it cannot use: the words only meet.
        if (role === 'reuse' && file.project !== this.affected.name && !this.dependsOn(this.affected.name, file.project)) continue;
        if (role === 'reuse') uses.push(this.addReuse(name, file.path, requirement));
        else if (role === 'avoid') this.avoid.push({ name, path: file.path, requirement });
        // A parallel project's file of the same name (a legacy client's) is not where this project's work goes.
        if (role === 'reuse' || role === 'avoid' || this.isParallel(file.project)) continue;
        // Spelled-out names are mostly the product's own nouns ("each shipping line", "a grid view"): the file is
        // what the work reads unless the engine, reading the whole text, is as sure of it as of a file it finds.
        if (!this.isSurelyFound(file.path) || this.acrossSides(file.path, file.project, [requirement])) {
          this.toRead.set(file.path, requirement);
          continue;
        }
        const clause = clauseNaming(requirement.text, file);
        const what = symbol ? `Change \`${symbol.name}\`` : `Change \`${posix.basename(file.path)}\``;
        const change = this.change(file, clause ? `${what} ${clause}` : what, requirement, `${file.path}#inferred`);
        change.inferred = 'spelled';
        made.push(change);
        if (file.role === 'component') {
          const below = this.stackBelow(file, requirement);
          if (below.length) this.readStructurally.add(requirement);
          made.push(...below);
        }
      }
      made.push(...this.newUiElement(requirement));
    }
    made.push(...this.responseHeader(requirement));
    return made;
  }

  /**
   * Non-test files whose name's domain words (two or more) the text spells out in a row: "the orders page" →
   * `OrdersPage.tsx`, "the request log line" → `request-logging.interceptor.ts`; not "order history from the
   * account page", whose words only meet by chance. `anyOrder`: a name of three words or more anywhere in the text,
   * for what a sentence is about rather than what it names (a non-goal's "moving collections via the bulk Move
   * dialog"); two words apart meet by chance too often ("the collection list … its page controls" and `ListPage`).
   */
  private filesSpelledOut(text: string, anyOrder = false): IndexedFile[] {
    const sequence = CodeMap.words(text).filter((word) => !ARTICLES.has(word));
    const spelled = (name: string[]) =>
      anyOrder && name.length >= 3
        ? name.every((word) => sequence.some((said) => saysWord(said, word)))
        : sequence.some((_, i) => name.every((word, j) => sequence[i + j] !== undefined && saysWord(sequence[i + j], word)));
    // Several files may spell the same words (`global-settings.service.ts`, `.resolver.ts`, `.component.ts`):
    // the context engine's order says which the text is most about.
    const rank = new Map(this.ranked.map((f, i) => [f.path, i]));
    return [...this.code.index.files.values()]
      .filter((file) => file.role !== 'test' && !/\.(stories|d)\.[jt]sx?$/.test(file.path))
      .filter((file) => {
        const name = domainWordsOfName(file);
        return name.length >= 2 && spelled(name);
      })
      .sort((a, b) => (rank.get(a.path) ?? Infinity) - (rank.get(b.path) ?? Infinity) || a.path.localeCompare(b.path))
      .slice(0, 3);
  }

  /** From a page: the client module it calls, the controller and service behind it, and the member doing the same for one record. */
  private stackBelow(page: IndexedFile, requirement: Requirement): PlannedChange[] {
    const made: PlannedChange[] = [];
    const clientFiles = [...new Set(this.code.clientCalls().map((c) => c.file))]
      .map((p) => this.code.file(p)!)
      .filter(
        (client) =>
          client.path !== page.path &&
          client.role !== 'component' &&
          // The page calls one of its functions: it imports the module (a name in a comment is no call), and names a
          // function of it (a schema, a type or an enum of the same name says nothing of what it calls).
          this.code.importsThroughBarrels(page, client.path) &&
          client.symbols.some((s) => s.exported && isCallable(s) && countOf(page.words.body, compoundTerm(s.name)) > 0),
      );
    const client = clientFiles[0];
    if (!client) return made;
    const first = this.code.clientCalls().find((c) => c.file === client.path);
    const segments = first ? this.code.segments(first.path) : [];
    const controller = this.code.controllers().find((c) => this.code.segments(c.prefix)[0] === segments[0]);
    const verb = this.verbOf(
      requirement.text,
      [client, controller?.file].filter((f): f is IndexedFile => Boolean(f)),
    );
    const name = verb ? `${verb.modifier}${verb.modifier ? capitalise(verb.member) : verb.member}` : undefined;
    const beside = verb ? ` beside \`${verb.member}\`` : '';
    made.push(
      this.change(client, name ? `Add \`${name}\`${beside} and its hook` : `Add the client call the page needs`, requirement, `${client.path}#feature`),
    );
    if (!controller) return made;
    made.push(
      this.change(
        controller.file,
        name ? `Add a \`${name}\` handler${beside} to \`${controller.owner}\`` : `Add the handler the page needs to \`${controller.owner}\``,
        requirement,
        `${controller.file.path}#feature`,
      ),
    );
    if (ACCESS.test(requirement.text)) {
      const guard = this.change(
        controller.file,
        `Restrict ${name ? `the \`${name}\` handler` : 'the new handler'} on \`${controller.owner}\` to the roles the inputs name, as its sibling handlers declare theirs`,
        requirement,
        `${controller.file.path}#access`,
      );
      guard.area = 'security';
      guard.order = ORDER.security;
      made.push(guard);
    }
    const service = this.serviceOf(controller.file);
    if (service) {
      const owner = service.symbols.find((s) => s.kind === 'class' && s.exported)?.name ?? posix.basename(service.path);
      made.push(
        this.change(
          service,
          name ? `Add \`${name}\`${beside} to \`${owner}\`` : `Add the logic the page needs to \`${owner}\``,
          requirement,
          `${service.path}#feature`,
        ),
      );
      this.slice.service ??= service;
    }
    if (name) {
      const sibling = controller.file.imports.find((p) => /\.dto\.[jt]s$/.test(p) && !/query/.test(p));
      const path = sibling && `${posix.dirname(sibling)}/${kebab(name)}-${controller.prefix.split('/').pop()}.dto.ts`;
      if (path && !this.code.file(path)) {
        made.push(
          this.create(
            path,
            this.code.facts.projects[controller.file.project],
            `Create the request body of \`${name}\`, beside \`${posix.basename(sibling!)}\``,
            'dto',
            requirement,
          ),
        );
        made.push(...this.sharedContract(name, controller.file, client, requirement));
      }
    }
    return made;
  }

  /**
   * A new request both the server and the client speak: its request and result types go beside the contract
   * types both sides already import for the same resource (the shared file declaring most of the names the
   * controller and the client both use), next to a sibling input type (`CreateOrderInput`).
   */
  private sharedContract(name: string, server: IndexedFile, client: IndexedFile, requirement: Requirement): PlannedChange[] {
    const uses = (file: IndexedFile, symbol: string) =>
      countOf(file.words.body, compoundTerm(symbol)) > 0 || new RegExp(`\\b${symbol}\\b`).test(this.code.text(file.path));
    const serverDeps = new Set(this.code.facts.projects[server.project]?.dependencies ?? []);
    const clientDeps = new Set(this.code.facts.projects[client.project]?.dependencies ?? []);
    const shared = [...this.code.index.files.values()].filter((f) => f.role !== 'test' && serverDeps.has(f.project) && clientDeps.has(f.project) && !f.barrel);
    const scored = shared
      .map((file) => ({ file, both: file.symbols.filter((s) => s.exported && uses(server, s.name) && uses(client, s.name)) }))
      .filter((entry) => entry.both.length > 0)
      .sort((a, b) => b.both.length - a.both.length || a.file.path.localeCompare(b.file.path));
    const home = scored[0];
    if (!home) return [];
    const sibling = home.file.symbols.find((s) => s.exported && /(Input|Request|Payload|Params|Body|Command)$/.test(s.name)) ?? home.both[0];
    return [
      this.change(home.file, `Add the request and result types of \`${name}\` beside \`${sibling.name}\``, requirement, `${home.file.path}#contract ${name}`),
    ];
  }

  /** The member of the stack the text's verb names (`cancel`), and the word hyphenated before it ("bulk-cancel"). */
  private verbOf(text: string, files: IndexedFile[]): { member: string; modifier: string } | undefined {
    const members = new Set(
      files.flatMap((f) => f.symbols.flatMap((s) => [s.name, ...s.members.map((m) => m.name)])).filter((n) => /^[a-z]+$/.test(n) && n.length > 3),
    );
    for (const match of text.matchAll(/\b(?:([a-z]+)-)?([a-z]+)\b/gi)) {
      const member = match[2].toLowerCase();
      if (members.has(member)) return { member, modifier: (match[1] ?? '').toLowerCase() };
    }
    return undefined;
  }

  /** A UI element the text asks for (a dialog, a drawer) that no component in the workspace is yet: a new one in the UI library. */
  private newUiElement(requirement: Requirement): PlannedChange[] {
    const match = UI_ELEMENT.exec(requirement.text);
    if (!match) return [];
    const noun = match[2].toLowerCase();
    // It exists when a component is named after it, or when the client code already calls one (a package's `toast()`).
    const files = [...this.code.index.files.values()].filter((f) => f.role !== 'test');
    const named = files.some((f) => f.role === 'component' && CodeMap.words(posix.basename(f.path)).includes(noun));
    const used = files.filter((f) => (f.role === 'component' || f.role === 'hook') && countOf(f.words.body, noun) > 0).length >= UI_ELEMENT_IN_USE;
    if (named || used) return [];
    // A new component goes into a library of components, not a server plugin with `ui` in its name.
    const libraries = Object.values(this.code.facts.projects).filter(
      (p) => p.type === 'library' && this.code.sideOf(p) === 'frontend' && this.code.filesOf(p.name).some((f) => f.role === 'component'),
    );
    const ui = libraries.find((p) => /(^|[-/])(ui|components?|design)([-/]|$)/.test(`${p.name} ${p.root}`)) ?? libraries[0];
    if (!ui) return [];
    const folder = this.code.mainFolder(ui);
    const pascal = this.code.filesOf(ui.name).some((f) => /\/[A-Z][A-Za-z]+\.tsx$/.test(f.path));
    const parts = [match[1] ? match[1].replace(/ation$/, '') : '', noun].filter(Boolean);
    const base = pascal ? parts.map(capitalise).join('') : parts.join('-');
    const path = `${folder}/${base}.tsx`;
    if (this.code.file(path)) return [];
    const made = [this.create(path, ui, `Create the \`${base}\` component`, 'component', requirement)];
    made.push(...this.exportFromBarrel(ui, path, requirement));
    return made;
  }

  /**
   * A header on every response (or read from every request) is one piece of middleware beside the server's
   * other request-wide code, registered where the app is bootstrapped.
   */
  private responseHeader(requirement: Requirement): PlannedChange[] {
    const header = /\b(X-[A-Za-z][\w-]+)\b/.exec(requirement.text)?.[1] ?? /\b([a-z]+(?:-[a-z]+)+) header\b/i.exec(requirement.text)?.[1];
    if (!header || !/\b(every|all|each)\b[^.]*\b(responses?|requests?)\b/i.test(requirement.text)) return [];
    const server =
      this.code.sideOf(this.affected) === 'backend'
        ? this.affected
        : Object.values(this.code.facts.projects).find((p) => p.type === 'application' && this.code.sideOf(p) === 'backend');
    if (!server) return [];
    const files = this.code.filesOf(server.name).filter((f) => f.role !== 'test');
    const requestWide = files.find((f) => /(interceptor|middleware|filter|guard)\.[jt]s$/.test(f.path) && !/auth/.test(f.path));
    const folder = requestWide ? posix.dirname(requestWide.path) : this.code.mainFolder(server);
    const nest = files.some((f) => /\.(module|controller)\.[jt]s$/.test(f.path));
    const path = `${folder}/${header.replace(/^x-/i, '').toLowerCase()}${nest ? '.middleware' : ''}.ts`;
    const made = [this.create(path, server, `Create the middleware that reads or sets \`${header}\` on every request and response`, 'other', requirement)];
    const entry =
      files.find((f) => /(^|\/)main\.[jt]s$/.test(f.path)) ??
      files.find((f) => countOf(f.words.body, '#nestfactory') > 0 || countOf(f.words.body, 'listen') > 0);
    if (entry) {
      const change = this.change(entry, `Register the \`${header}\` middleware before the routes`, requirement);
      change.untested = true;
      made.push(change);
      this.headerEntry = entry;
    }
    return made;
  }

  /** After every requirement is read: the layers a change crosses come in (the client of a new route, the CORS config for a header the browser reads). */
  followTheStack(requirements: Requirement[]): void {
    const route = this.slice.route;
    const wantsClient = requirements.some((r) => r.area === 'frontend') || Boolean(this.slice.page);
    if (route && wantsClient && !this.slice.client) {
      const client = this.clientOf(route.controller, route.path);
      if (client) {
        const file = this.code.file(client)!;
        const served = requirements.filter((r) => r.area === 'frontend' && CLIENT_SURFACE.test(r.text));
        this.slice.client = client;
        for (const requirement of served.length ? served : requirements.filter((r) => r.area === 'frontend').slice(0, 1)) {
          this.change(file, `Add the client call for \`${route.method} ${route.path}\``, requirement);
        }
      }
    }
    const header = requirements.find((r) => /\b(?:Content-Disposition|X-[A-Z][\w-]+|response headers?)\b/i.test(r.text));
    const crossOrigin = (route && this.slice.client) || requirements.some((r) => /\bCORS\b|\bbrowser\b/i.test(r.text));
    const server = route?.controller.project ?? this.headerEntry?.project;
    if (server && header && crossOrigin) {
      const cors = this.corsConfig(server);
      if (cors) this.change(cors, 'Expose the response headers the browser reads in the CORS options (`exposedHeaders`)', header).untested = true;
    }
  }

  /**
   * Constraints on what the server does once for every request (its request log, its database connection)
   * land on the code that does it: "logs hold ids only" on the logging interceptor, "read replica" on the
   * database options.
   */
  serverWideConcerns(requirements: Requirement[]): void {
    const server = this.slice.route?.controller.project ?? (this.code.sideOf(this.affected) === 'backend' ? this.affected.name : undefined);
    if (!server) return;
    const files = this.code.filesOf(server).filter((f) => f.role !== 'test');
    const named = (pattern: RegExp) => files.filter((f) => CodeMap.words(posix.basename(f.path).replace(/\.[^.]+$/, '')).some((w) => pattern.test(w)));
    for (const requirement of requirements) {
      if (LOG_RULE.test(requirement.text) && PERSONAL_DATA.test(requirement.text)) {
        for (const file of named(/^log(?:ging|ger)?$/)) {
          const symbol = file.symbols.find((s) => s.exported && s.kind === 'class')?.name;
          this.change(
            file,
            `Update ${symbol ? `\`${symbol}\`` : 'the request log'} so its line holds ids only: no personal data or raw filter values`,
            requirement,
            `${file.path}#log-privacy`,
          );
        }
      }
      if (DATABASE_SETTING.test(requirement.text)) {
        const config = named(/^(database|db|datasource|orm|typeorm|prisma)$/).sort(
          (a, b) => Number(/option|config/.test(b.path)) - Number(/option|config/.test(a.path)),
        )[0];
        if (config)
          this.change(
            config,
            'Add the connection settings the inputs ask for (a read replica, statement timeouts), optional and off by default',
            requirement,
            `${config.path}#database-setting`,
          ).untested = true;
      }
    }
  }

  /**
   * Where the client keeps its UI text in message catalogs, client work that shows new text (a label, a menu
   * entry, a dialog, a message) adds it to the source-language catalog: the one whose text shares most of the
   * requirements' words. Blind reviews of PRD plans found it missing on teable (i18next JSON) and on vendure's
   * dashboard (Lingui catalogs), which are extracted by a tool rather than written by hand.
   */
  addCatalogText(): void {
    // Components show the text (the file role reads `.tsx`, `.component.ts` and `@Component` alike).
    const ui = [...this.changes.values()].filter((c) => c.area === 'frontend' && c.role === 'component');
    // Text a spec asks for on the screens of those projects is catalogued even while its component is to be settled
    // ("a button "Load X more""); a sentence of a free description (a commit's "return the error message") is not.
    const unplaced = [...this.changes.values()]
      .filter((c) => !c.path && ui.some((u) => u.project === c.project))
      .flatMap((c) => c.requirements.filter(isStated));
    const requirements = [...new Set([...ui.flatMap((c) => c.requirements), ...unplaced])].filter((r) => UI_TEXT.test(r.text));
    if (requirements.length === 0) return;
    const projects = [...new Set(ui.map((c) => c.project))].map((name) => this.code.facts.projects[name]).filter(Boolean);
    const near = [...new Set(projects.flatMap((p) => [p.name, ...p.dependencies]))].map((name) => this.code.facts.projects[name]).filter(Boolean);
    const catalogs = [...new Set(near.flatMap((p) => this.code.catalogsOf(p)))];
    if (catalogs.length === 0) return;
    const words = new Set(splitWords(requirements.map((r) => r.text).join(' ')));
    const shared = (path: string) => new Set(splitWords(this.code.text(path)).filter((word) => words.has(word))).size;
    const [catalog] = catalogs.map((path) => ({ path, score: shared(path) })).sort((a, b) => b.score - a.score || a.path.localeCompare(b.path));
    const action = EXTRACTED_CATALOG.test(catalog.path)
      ? `Extract the new UI text into the message catalogs (\`${catalog.path}\` first) with the project's extract script, then translate it`
      : `Add the new UI text (labels, messages) to the source-language catalog \`${catalog.path}\`, then its translations beside it`;
    const key = `${catalog.path}#catalog`;
    const project = this.code.projectOf(catalog.path) ?? this.affected;
    this.changes.set(key, {
      key,
      path: catalog.path,
      project: project.name,
      isNew: false,
      action,
      area: 'frontend',
      role: 'config',
      requirements,
      uses: [],
      order: ORDER.frontend,
      untested: true,
      pathInAction: true,
    });
  }

  /**
   * A plan names at most MAX_EXISTING_FILES existing files: past that, the changes the text only implies (files
   * it spells out or the ranking retrieved) are dropped, the lowest-ranked first. Named code always stays.
   * `namedLater`: a file a later step names (the suite checking the kept behaviour), counted now.
   */
  keepWithinReach(namedLater?: string): void {
    const rank = new Map(this.ranked.map((f, i) => [f.path, i]));
    // The engine's last first; files it did not rank (Infinity, whose difference is NaN) by path, so the order is stable.
    const lastFirst = (a: string, b: string) => (rank.get(b) ?? Infinity) - (rank.get(a) ?? Infinity) || a.localeCompare(b);
    const inferred = [...this.changes.values()].filter((c) => c.inferred).sort((a, b) => lastFirst(a.path!, b.path!));
    const cost = () => new Set([...this.namedFiles(), ...(namedLater ? [namedLater] : [])]).size;
    // Files named only for reading go first.
    const read = [...this.toRead.keys()].sort(lastFirst);
    while (cost() > MAX_EXISTING_FILES && read.length) this.toRead.delete(read.shift()!);
    while (cost() > MAX_EXISTING_FILES && inferred.length) this.drop(inferred.shift()!);
  }

  /** A change left out of the plan: the requirements it alone served are asked about, never lost. */
  private drop(change: PlannedChange): void {
    this.changes.delete(change.key);
    for (const requirement of change.requirements) {
      if (![...this.changes.values()].some((c) => c.requirements.includes(requirement))) this.askWhere(requirement);
    }
  }

  /** The existing files the plan names: those it changes and their specs (each kept change brings its spec), those it names as used or for reading. */
  private namedFiles(): Set<string> {
    const changed = [...this.changes.values()].filter((c) => c.path && !c.isNew).map((c) => c.path!);
    return new Set([
      ...changed,
      ...changed
        .map((path) => this.code.specFor(path))
        .filter((spec) => spec.exists)
        .map((spec) => spec.path),
      ...[...this.reuse.values()].map((r) => r.path),
      ...this.toRead.keys(),
    ]);
  }

  /** A spec beside every changed file that is tested on its own (the existing one extended, or a new one). */
  addTests(): void {
    this.addTestsForInferred();
    this.mergeSuiteWork();
    for (const change of [...this.changes.values()]) {
      if (
        !change.path ||
        change.untested ||
        change.inferred === 'retrieved' ||
        !TESTED_ROLES.includes(change.role) ||
        /(^|\/)(index|main)\.[jt]sx?$/.test(change.path) ||
        /\.(spec|test)\.[jt]sx?$/.test(change.path)
      )
        continue;
      const spec = this.code.specFor(change.path);
      if (!spec.exists && !change.isNew && !declaresBehaviour(this.code.file(change.path))) continue;
      const key = spec.path;
      const covered = change.requirements;
      const existing = this.changes.get(key);
      if (existing) {
        for (const r of covered) if (!existing.requirements.includes(r)) existing.requirements.push(r);
        continue;
      }
      this.changes.set(key, {
        key,
        path: spec.path,
        project: change.project,
        isNew: !spec.exists,
        endToEnd: isEndToEndTest(spec.path),
        action: spec.exists
          ? `Extend \`${spec.path}\` to cover the changes to \`${posix.basename(change.path)}\``
          : `Add \`${spec.path}\` (new) to cover \`${posix.basename(change.path)}\``,
        pathInAction: true,
        area: 'testing',
        role: 'test',
        requirements: [...covered],
        uses: [],
        order: ORDER.testing,
      });
    }
  }

  /**
   * Another project on the affected one's side (a client beside the client) that neither depends on the other:
   * a parallel implementation (the legacy admin beside the new dashboard, another app), not where this work goes.
   */
  private isParallel(name: string): boolean {
    const other = this.code.facts.projects[name];
    if (name === this.affected.name || !other) return false;
    const side = this.code.sideOf(this.affected);
    if (side === 'shared' || this.code.sideOf(other) !== side) return false;
    return !this.dependsOn(this.affected.name, name) && !this.dependsOn(name, this.affected.name);
  }

  private dependsOn(from: string, to: string): boolean {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const name = stack.pop()!;
      if (name === to) return true;
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...(this.code.facts.projects[name]?.dependencies ?? []));
    }
    return false;
  }

  /**
   * The files whose names a non-goal spells out, its words in any order ("Changing the default tax zone strategy" →
   * `default-tax-zone-strategy.ts`; "Moving collections via the bulk "Move" dialog" → `move-collections-dialog.tsx`):
   * what the inputs exclude, left as they are when only the ranking found them. A file the requirements spell out
   * too is the feature's own subject, which a non-goal only narrows, and stays. Known before the ranking's files are
   * placed, so the requirements one would have served find their place elsewhere.
   */
  excludeByNonGoals(nonGoals: Sourced[], requirements: Requirement[]): void {
    const subject = new Set(requirements.flatMap((r) => this.filesSpelledOut(r.text, true).map((f) => f.path)));
    for (const nonGoal of nonGoals) {
      for (const file of this.filesSpelledOut(withoutNegated(nonGoal.text), true)) {
        if (!subject.has(file.path) && !this.excludedBy.has(file.path)) this.excludedBy.set(file.path, nonGoal);
      }
    }
  }

  /** What a non-goal excludes, when the ranking found it to change or to read: left out, and said to be left as it is. */
  leaveOutOfScope(): void {
    for (const [path, nonGoal] of this.excludedBy) {
      const change = this.changes.get(`${path}#inferred`);
      if (change?.inferred === 'retrieved') this.drop(change);
      else if (!this.toRead.delete(path) && !this.foundButExcluded.has(path)) continue;
      const file = this.code.file(path)!;
      // Named by what the file is for, as a change to it would be: `ListPage`, not the `ListPageProps` declared first.
      const symbol = symbolToChange(file, new Set(splitWords(nonGoal.text)));
      this.outOfScope.push({ name: symbol?.name ?? posix.basename(file.path), nonGoal });
    }
  }

  /** One check for all the behaviour the inputs keep: the cases already covering it are run, one is added where none does; nothing to build. */
  checkKept(kept: Requirement[]): void {
    if (kept.length === 0) return;
    // The behaviour kept is the feature's: checked in the project the work lives in.
    const project = this.affected.name;
    const key = `${project}#kept`;
    const suite = this.code.suiteFor(project);
    this.changes.set(key, {
      key,
      project,
      isNew: false,
      action: `Check that the behaviour the inputs keep as it is still holds: run the cases that cover it in ${suite ? `\`${suite}\`` : 'the specs of the files that change'}, and add one for any not covered yet`,
      ...(suite ? { path: suite, endToEnd: isEndToEndTest(suite) } : {}),
      pathInAction: true,
      area: 'testing',
      role: 'test',
      requirements: kept,
      uses: [],
      order: ORDER.testing,
    });
  }

  /** The cases a requirement asks of a suite join the item that already extends that suite: one item per suite. */
  private mergeSuiteWork(): void {
    for (const cover of [...this.changes.values()].filter((c) => c.key.endsWith('#cover'))) {
      const other = [...this.changes.values()].find((c) => c !== cover && c.area === 'testing' && c.action.includes(`\`${cover.path}\``));
      if (!other) continue;
      for (const r of cover.requirements) if (!other.requirements.includes(r)) other.requirements.push(r);
      this.changes.delete(cover.key);
    }
  }

  /**
   * Changes only the ranking found get one test item per project rather than a spec each: which of those
   * files really change is for the engineer to confirm, and their specs follow from that.
   */
  private addTestsForInferred(): void {
    const byProject = new Map<string, PlannedChange[]>();
    for (const change of this.changes.values())
      if (change.inferred === 'retrieved' && change.path && !change.untested) byProject.set(change.project, [...(byProject.get(change.project) ?? []), change]);
    for (const [project, changes] of byProject) {
      const key = `${project}#inferred-tests`;
      const specs = changes
        .map((c) => ({ file: c.path!, spec: this.code.specFor(c.path!) }))
        .filter(({ file, spec }) => spec.exists || declaresBehaviour(this.code.file(file)));
      if (specs.length === 0) continue;
      this.changes.set(key, {
        key,
        project,
        isNew: false,
        action: inferredTestsAction(specs),
        endToEnd: specs.every(({ spec }) => spec.exists && isEndToEndTest(spec.path)),
        partlyEndToEnd: specs.some(({ spec }) => spec.exists && isEndToEndTest(spec.path)) && specs.some(({ spec }) => !isEndToEndTest(spec.path)),
        area: 'testing',
        role: 'test',
        requirements: [...new Set(changes.flatMap((c) => c.requirements))],
        uses: [],
        order: ORDER.testing,
        pathInAction: true,
      });
    }
  }

  result(): ChangePlan {
    const changes = [...this.changes.values()].sort((a, b) => a.order - b.order);
    const read = [...this.toRead].map(([path, requirement]) => ({ path, requirement: this.isClosestTo(path, requirement) ? requirement.id : undefined }));
    return {
      changes,
      avoid: this.avoid,
      reuse: [...this.reuse.values()],
      read,
      named: [...this.namedFiles()],
      outOfScope: this.outOfScope,
      questions: [...this.questions, ...this.whereQuestions()],
    };
  }

  /**
   * Whether a file named to read for a requirement is the code closest to it, to point an engineer at: its own name
   * says one of the requirement's words. A file that shares only its members' or folder's words with it (a channel
   * service for "a filter through a many-to-many relation") is named to read for the text as a whole: of the files
   * questions pointed at on the application and PRD sets, the commits touched 24 of 89 of the first kind, 4 of 37
   * of the second.
   */
  private isClosestTo(path: string, requirement: Requirement): boolean {
    const file = this.code.file(path);
    if (!file || this.readForFeature.has(path)) return false;
    const words = new Set(splitWords(requirement.text));
    return nameWordsAsRead(file).some((word) => words.has(word));
  }

  /** One question per requirement the plan names code to read for; one per place for those it has none for. */
  private whereQuestions(): string[] {
    const asked: string[] = [];
    const blind = new Map<string, Requirement[]>();
    const one = (requirement: Requirement, where: string, found: string) =>
      `Where in ${where} does ${requirement.id} belong ("${shorten(requirement.text)}", ${requirement.source})? ${found}`;
    for (const { requirement, where, named } of this.unplaced) {
      // In a project the text names, only its own code says where: the closest found elsewhere is for the rest of the work.
      const closest = [...this.toRead]
        .filter(([path, r]) => r === requirement && this.isClosestTo(path, r) && (!named || this.code.projectOf(path)?.name === named))
        .map(([path]) => `\`${path}\``);
      if (closest.length === 0) blind.set(where, [...(blind.get(where) ?? []), requirement]);
      else asked.push(one(requirement, where, `The closest code found is ${closest.join(', ')}: read it first.`));
    }
    for (const [where, [requirement, ...more]] of blind) {
      if (more.length === 0) asked.push(one(requirement, where, 'No code it names or implies matches it clearly.'));
      else
        asked.push(
          `Where in ${where} do ${[requirement, ...more].map((r) => `${r.id} (${r.source})`).join(', ')} belong? No code they name or imply matches them clearly.`,
        );
    }
    return asked;
  }

  /** Exporting a new file from its project's barrel, when the project has one (its public API is the barrel). */
  private exportFromBarrel(project: ProjectFact, path: string, requirement: Requirement): PlannedChange[] {
    const barrel = this.code.barrelOf(project);
    if (!barrel) return [];
    const entry = `./${posix.relative(posix.dirname(barrel), path).replace(/\.[jt]sx?$/, '')}`;
    return [this.change(this.code.file(barrel)!, `Export \`${entry}\` from the barrel`, requirement)];
  }

  /** A change to an existing file, merged with earlier changes to the same file and symbol. */
  private change(file: IndexedFile, action: string, requirement: Requirement, key = `${file.path}#${action}`): PlannedChange {
    // A tool writes it (the API schema's types): it changes when its source does, by running the tool, never by hand.
    if (file.generated) {
      action = `Regenerate \`${posix.basename(file.path)}\` from its changed source (a tool writes it: do not edit it by hand)`;
      key = `${file.path}#regenerate`;
    }
    const sameFile = [...this.changes.values()].find((c) => c.path === file.path && c.action === action);
    const existing = this.changes.get(key) ?? sameFile;
    if (existing) {
      if (!existing.requirements.includes(requirement)) existing.requirements.push(requirement);
      return existing;
    }
    const project = this.code.facts.projects[file.project];
    const area = areaOfFile(file, project, requirement, this.code);
    const change: PlannedChange = {
      key,
      path: file.path,
      project: file.project,
      isNew: false,
      action,
      area,
      role: file.role,
      requirements: [requirement],
      uses: [],
      order: ORDER[area],
      ...(file.generated ? { untested: true } : {}),
    };
    this.changes.set(key, change);
    this.remember(file);
    return change;
  }

  private create(path: string, project: ProjectFact, action: string, role: FileRole, requirement: Requirement): PlannedChange {
    const existing = this.changes.get(path);
    if (existing) {
      if (!existing.requirements.includes(requirement)) existing.requirements.push(requirement);
      return existing;
    }
    const side = this.code.sideOf(project);
    const area: AreaId = side === 'shared' ? 'shared' : side;
    const change: PlannedChange = {
      key: path,
      path,
      project: project.name,
      isNew: true,
      action,
      area,
      role,
      requirements: [requirement],
      uses: [],
      order: ORDER[area],
    };
    this.changes.set(path, change);
    return change;
  }

  /** Keeps the feature's slice up to date: the page, the client, the shared helper it goes through. */
  private remember(file: IndexedFile): void {
    const project = this.code.facts.projects[file.project];
    if (!project) return;
    if (file.role === 'component' && this.code.sideOf(project) === 'frontend' && /page|screen|view|route/i.test(file.path)) this.slice.page ??= file.path;
    else if (file.role === 'component' && this.code.sideOf(project) === 'frontend') this.slice.page ??= file.path;
    if (this.code.clientCalls().some((call) => call.file === file.path)) this.slice.client ??= file.path;
    if (file.role === 'service' && this.code.sideOf(project) === 'backend') this.slice.service ??= file;
  }

  /** A new route goes into the controller that owns its prefix, with the logic in the service that controller uses. */
  private routeChange(method: string, path: string, existing: ServerRoute | undefined, requirement: Requirement): PlannedChange[] {
    if (existing) {
      const file = this.code.file(existing.file)!;
      return [
        this.change(file, `Change the \`${method} ${path}\` handler${existing.owner ? ` (\`${existing.owner}.${existing.handler}\`)` : ''}`, requirement),
      ];
    }
    const segments = this.code.segments(path);
    const controller = this.code
      .controllers()
      .map((c) => ({ ...c, shared: commonPrefix(this.code.segments(c.prefix), segments) }))
      .filter((c) => c.shared > 0)
      .sort((a, b) => b.shared - a.shared)[0];
    if (!controller) {
      this.questions.push(`No controller serves \`${path}\` yet: which module should own the new \`${method} ${path}\` route?`);
      return [];
    }
    const handler =
      segments
        .filter((s) => s !== ':param')
        .slice(controller.shared)
        .join('-') || method.toLowerCase();
    const made = [
      this.change(
        controller.file,
        `Add the \`${method} ${path}\` handler to \`${controller.owner}\``,
        requirement,
        `${controller.file.path}#route ${method} ${path}`,
      ),
    ];
    this.slice.route ??= { method, path, controller: controller.file, owner: controller.owner, handler };
    const service = this.serviceOf(controller.file);
    if (service) {
      const serviceClass = service.symbols.find((s) => s.kind === 'class' && s.exported)?.name ?? posix.basename(service.path);
      made.push(
        this.change(service, `Implement the logic behind \`${method} ${path}\` in \`${serviceClass}\``, requirement, `${service.path}#route ${method} ${path}`),
      );
      this.slice.service ??= service;
    }
    const dto = this.newQueryDto(controller.file, handler, method);
    if (dto)
      made.push(
        this.create(
          dto.path,
          this.code.facts.projects[controller.file.project],
          `Create \`${dto.name}\` for the query parameters of \`${method} ${path}\`, beside \`${dto.sibling}\``,
          'dto',
          requirement,
        ),
      );
    return made;
  }

  /** The service a controller delegates to: the service file it imports from its own project. */
  private serviceOf(controller: IndexedFile): IndexedFile | undefined {
    return controller.imports.map((p) => this.code.index.files.get(p)).find((f) => f && f.role === 'service' && f.project === controller.project);
  }

  /**
   * A GET route whose siblings take their query through DTO classes gets its own, named and placed like them
   * (`list-orders.query.dto.ts` → `export-orders.query.dto.ts`), since the new parameters differ from the list's.
   */
  private newQueryDto(controller: IndexedFile, handler: string, method: string): { path: string; name: string; sibling: string } | undefined {
    if (method !== 'GET') return undefined;
    const dtos = controller.imports.filter((p) => /\.query\.dto\.[jt]s$|query[-.]dto\.[jt]s$/.test(p));
    const sibling = dtos[0];
    if (!sibling) return undefined;
    const base = posix.basename(sibling);
    const match = /^([a-z]+)-(.+)$/.exec(base);
    if (!match) return undefined;
    const name = `${handler.split('-')[0]}-${match[2]}`;
    const path = `${posix.dirname(sibling)}/${name}`;
    return this.code.file(path) ? undefined : { path, name, sibling: base };
  }

  /**
   * New names go where their siblings are: into the file of the host project whose exported names share a
   * domain word and shape with them (`useExportOrders` beside `useOrders`), else into a new file named after
   * their shared domain word, beside the project's other modules and exported from its barrel.
   */
  private placeNewNames(names: string[], hosts: ProjectFact[], made: PlannedChange[], requirement: Requirement): PlannedChange[] {
    const host = hosts[0] ?? (made[0] ? this.code.facts.projects[made[0].project] : undefined) ?? this.sideProject(requirement);
    if (!host) return [];
    const result: PlannedChange[] = [];
    const homeless: string[] = [];
    for (const name of names) {
      const sibling = made.find((c) => c.project === host.name && c.path && !c.isNew) ?? undefined;
      const file = (sibling && this.code.file(sibling.path!)) || this.siblingFile(name, host);
      if (file) {
        const change = this.change(file, `Add \`${name}\` beside ${describeSiblings(file, name)}`, requirement, `${file.path}#${name}`);
        const sibling = siblingsOf(file, name)[0];
        if (sibling) change.adds = { name, sibling };
        result.push(change, ...this.exportByName(name, file, requirement));
      } else homeless.push(name);
    }
    if (homeless.length) result.push(...this.newModule(homeless, host, requirement));
    return result;
  }

  private siblingFile(name: string, project: ProjectFact): IndexedFile | undefined {
    const words = CodeMap.words(name);
    const domain = words.filter((w) => !GENERIC_WORDS.has(w));
    if (domain.length === 0) return undefined;
    let best: { file: IndexedFile; score: number } | undefined;
    for (const file of this.code.filesOf(project.name)) {
      if (file.role === 'test' || posix.basename(file.path).startsWith('index.')) continue;
      for (const symbol of exportedSymbols(file)) {
        const theirs = CodeMap.words(symbol.name);
        const shared = domain.filter((w) => theirs.includes(w)).length;
        if (shared === 0) continue;
        const score = shared / domain.length + (theirs[0] === words[0] ? 0.5 : 0);
        if (!best || score > best.score) best = { file, score };
      }
    }
    return best && best.score >= 0.5 ? best.file : undefined;
  }

  /**
   * A barrel that lists its exports by name (`export { withState, signalStore } from './…'`) must list a new
   * public name too; one that re-exports whole modules (`export * from`) needs nothing.
   */
  private exportByName(name: string, file: IndexedFile, requirement: Requirement): PlannedChange[] {
    const project = this.code.facts.projects[file.project];
    const barrel = project && this.code.barrelOf(project);
    if (!barrel || barrel === file.path || !/^[A-Za-z]/.test(name)) return [];
    const text = this.code.text(barrel);
    const module = `./${posix.relative(posix.dirname(barrel), file.path).replace(/\.[jt]sx?$/, '')}`;
    const named = new RegExp(`export\\s*(?:type\\s*)?\\{[^}]*\\}\\s*from\\s*['"]${module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`).test(text);
    return named
      ? [
          this.change(
            this.code.file(barrel)!,
            `Export \`${name}\` from the barrel, beside the other names of \`${module}\``,
            requirement,
            `${barrel}#export ${name}`,
          ),
        ]
      : [];
  }

  /** A new module named after the domain word the new names share, with its spec and its barrel export. */
  private newModule(names: string[], project: ProjectFact, requirement: Requirement): PlannedChange[] {
    const counts = new Map<string, number>();
    for (const name of names)
      for (const word of new Set(CodeMap.words(name).filter((w) => !GENERIC_WORDS.has(w)))) counts.set(word, (counts.get(word) ?? 0) + 1);
    const word = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (!word) {
      this.questions.push(`Where should ${names.map((n) => `\`${n}\``).join(', ')} live in \`${project.name}\`? No existing module shares their names.`);
      return [];
    }
    const folder = this.code.mainFolder(project);
    const extension = this.code.filesOf(project.name).some((f) => f.path.startsWith(`${folder}/`) && f.path.endsWith('.tsx') && f.role !== 'component')
      ? '.tsx'
      : '.ts';
    const path = `${folder}/${word}${extension}`;
    if (this.code.file(path)) return [this.change(this.code.file(path)!, `Add ${names.map((n) => `\`${n}\``).join(', ')}`, requirement)];
    const made = [this.create(path, project, `Create \`${word}${extension}\` with ${names.map((n) => `\`${n}\``).join(', ')}`, 'util', requirement)];
    this.slice.sharedFile ??= path;
    made.push(...this.exportFromBarrel(project, path, requirement));
    return made;
  }

  /** A requirement that names no code: onto the slice already found on its side; else at the project level, with a question. */
  private placeBySlice(requirement: Requirement, sectionProjects: ProjectFact[]): PlannedChange[] {
    const side = this.sideOf(requirement, sectionProjects);
    const route = this.slice.route;
    if (side === 'backend' && route && requirement.area === 'security' && ACCESS.test(requirement.text)) {
      const action = `Restrict \`${route.method} ${route.path}\` on \`${route.owner}\` to the roles and limits the inputs set`;
      return [this.change(route.controller, action, requirement, `${route.controller.path}#access ${route.method} ${route.path}`)];
    }
    if (side === 'backend' && route) {
      const onSurface = HTTP_SURFACE.test(requirement.text) || !this.slice.service;
      const file = onSurface ? route.controller : this.slice.service!;
      const action = onSurface
        ? `Add the \`${route.method} ${route.path}\` handler to \`${route.owner}\``
        : `Implement the logic behind \`${route.method} ${route.path}\` in \`${this.slice.service!.symbols.find((s) => s.kind === 'class')?.name ?? posix.basename(file.path)}\``;
      return [this.change(file, action, requirement, `${file.path}#route ${route.method} ${route.path}`)];
    }
    if (side === 'frontend' && (this.slice.page || this.slice.client)) {
      const path = CLIENT_SURFACE.test(requirement.text) && this.slice.client ? this.slice.client : (this.slice.page ?? this.slice.client)!;
      const file = this.code.file(path)!;
      const symbol = symbolToChange(file, new Set(splitWords(requirement.text)))?.name;
      return [this.change(file, symbol ? `Change \`${symbol}\`` : `Change \`${posix.basename(path)}\``, requirement)];
    }
    if (side === 'shared' && this.slice.sharedFile) {
      const change = this.changes.get(this.slice.sharedFile)!;
      if (!change.requirements.includes(requirement)) change.requirements.push(requirement);
      return [change];
    }
    return [];
  }

  private sideOf(requirement: Requirement, sectionProjects: ProjectFact[]): AreaId {
    const sides = new Set(sectionProjects.map((p) => this.code.sideOf(p)));
    if (sides.size === 1) return [...sides][0];
    if (sides.has('frontend') && (requirement.area === 'frontend' || requirement.area === 'shared')) return 'frontend';
    if (requirement.area === 'security' || requirement.area === 'testing') return sideOfWords(requirement.text);
    return requirement.area;
  }

  private sideProject(requirement: Requirement): ProjectFact | undefined {
    const side = requirement.area === 'security' || requirement.area === 'testing' ? this.code.sideOf(this.affected) : requirement.area;
    return this.code.sideOf(this.affected) === side
      ? this.affected
      : Object.values(this.code.facts.projects).find((p) => p.type !== 'e2e' && this.code.sideOf(p) === side);
  }

  /** Projects the requirement's section heading names: "Dashboard (`apps/web`, `@shop/web-data-access`)". */
  private sectionProjects(requirement: Requirement): ProjectFact[] {
    if (!requirement.section) return [];
    return readMentions(requirement.section, this.code).flatMap((m) => {
      if (m.resolved.kind === 'project') return [m.resolved.project];
      if (m.resolved.kind === 'file') return [this.code.projectOf(m.resolved.path)].filter((p): p is ProjectFact => Boolean(p));
      return [];
    });
  }

  private noteAvoid(mention: Mention, requirement: Requirement): void {
    const path = pathOf(mention);
    if (!this.avoid.some((a) => a.name === mention.text && a.requirement === requirement)) this.avoid.push({ name: mention.text, path, requirement });
  }

  /** Existing code used as is, for the requirement; rendered `name` (`path`) for the change that uses it. */
  private addReuse(name: string, path: string, requirement: Requirement): string {
    const entry = this.reuse.get(name) ?? { name, path, requirements: [] };
    if (!entry.requirements.includes(requirement.id)) entry.requirements.push(requirement.id);
    this.reuse.set(name, entry);
    return `\`${name}\` (\`${path}\`)`;
  }

  private noteReuse(mention: Mention, requirement: Requirement): string[] {
    const path = pathOf(mention);
    if (!path || mention.resolved.kind === 'route' || mention.resolved.kind === 'project') return [];
    return [this.addReuse(mention.text, path, requirement)];
  }

  /** The frontend file that calls a controller's routes: the one with most literal calls under the route's first segment. */
  private clientOf(controller: IndexedFile, path: string): string | undefined {
    const first = this.code.segments(path)[0];
    const counts = new Map<string, number>();
    for (const call of this.code.clientCalls()) {
      const project = this.code.projectOf(call.file);
      if (call.file.startsWith(this.code.facts.projects[controller.project]?.root + '/') || !project || this.code.sideOf(project) !== 'frontend') continue;
      if (this.code.segments(call.path)[0] === first) counts.set(call.file, (counts.get(call.file) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  }

  /** The server file that configures CORS (`enableCors`, `cors(...)`), in the server's project. */
  private corsConfig(project: string): IndexedFile | undefined {
    return this.code.filesOf(project).find((f) => f.role !== 'test' && (countOf(f.words.body, '#enablecors') > 0 || countOf(f.words.body, 'cors') > 0));
  }
}

/**
 * "Change `filteredQuery` of `OrdersService`": a member is named beside its owner, not as `Owner.member`, which
 * would claim a public member; a symbol the file does not export is named as the file's.
 */
function changeOf(symbol: string, member: string | undefined, exported: boolean): string {
  if (member) return `Change \`${member}\` of \`${symbol}\``;
  return exported ? `Change \`${symbol}\`` : `Change \`${symbol}\` (module-private)`;
}

/** A text without its asides in parentheses: "The list in the dialog (reachable from the menu) uses …" keeps its subject with its verb. */
function withoutAsides(text: string): string {
  return text.replace(/\s*\([^()]*\)/g, '');
}

/** The side of the system a cross-cutting requirement (security, testing) is about, by its words. */
function sideOfWords(text: string): AreaId {
  return spokenSide(text) ?? 'backend';
}

/** Of some files, the one the engine's lexical match of a text alone scores best, if any shares a word with it. */
function closestByWords(files: IndexedFile[], text: string): string | undefined {
  const query = parseQuery(text);
  let best: { path?: string; score: number } = { score: 0 };
  for (const [path, match] of lexicalScores(files, query.words, query.verbosity)) if (match.score > best.score) best = { path, score: match.score };
  return best.path;
}

/** The side of the system a text speaks of, by its words (a page, a button; an endpoint, a query), if any: the one it names more. */
function spokenSide(text: string): 'frontend' | 'backend' | undefined {
  const frontend = text.match(FRONTEND_WORDS)?.length ?? 0;
  const backend = text.match(BACKEND_WORDS)?.length ?? 0;
  return frontend > backend ? 'frontend' : backend > 0 ? 'backend' : undefined;
}

function pathOf(mention: Mention): string | undefined {
  const r = mention.resolved;
  if (r.kind === 'file') return r.path;
  if (r.kind === 'symbol') return r.hit.file.path;
  if (r.kind === 'new' && r.owner) return r.owner.file.path;
  if (r.kind === 'route') return r.existing?.file;
  return undefined;
}

/**
 * The declaration a change to a found file is about: what the code does or holds (a class, a function, a
 * component, an exported document or schema) rather than the types beside it, which change as a consequence.
 * The one whose name shares the requirement's words first, exported before module-private; of what the module
 * keeps to itself, only its behaviour (a route file exports its `Route` settings while its page component is its
 * own), not its constants. A file of types only is changed in its types. When no name shares the words, the one
 * declaration the file is for, and none of several: of the changed files with two exported declarations or more
 * (types aside) and none sharing a word of the commit, the commit touched the first 10 times in 29 (application
 * set; 8.6 by chance) and 6 in 19 (library set; 6.6), so naming it (`Today` of 30 formula functions for a
 * grouping rule) was a guess.
 */
function symbolToChange(file: IndexedFile, words: Set<string>): CodeSymbol | undefined {
  const declared = exportedSymbols(file);
  const exported = declared.filter((s) => !TYPE_KINDS.has(s.kind));
  const behaviour = file.symbols.filter((s) => !s.exported && (s.kind === 'class' || isCallable(s)));
  // What the file is for: its exported behaviour, else its own (a route's page), else what it exports, else its types.
  const exportedBehaviour = exported.filter((s) => s.kind === 'class' || isCallable(s));
  const main = [exportedBehaviour, behaviour, exported, declared].find((symbols) => symbols.length) ?? [];
  const shared = mostShared(exported, words) ?? mostShared(behaviour, words) ?? mostShared(main, words);
  return shared ?? (main.length === 1 ? main[0] : undefined);
}

/**
 * Whether a spec states the requirement under one of its headings: such a requirement stands on its own, read for
 * what it says and leaves out. A sentence of a free description (a commit's subject or body, a one-line task) is
 * read with the whole text.
 */
/** The requirements a nested list details one with (FR2.1, FR2.2 of FR2). */
function detailsOf(requirement: Requirement, all: Requirement[]): Requirement[] {
  return all.filter((r) => r.id.startsWith(`${requirement.id}.`));
}

function isStated(requirement: Requirement): boolean {
  return Boolean(requirement.section);
}

/** The name a data shape is used by: its exported declaration sharing most of the words, else its first, else the file's. */
function shapeName(file: IndexedFile, words: Set<string>): string {
  const declared = exportedSymbols(file);
  return (mostShared(declared, words) ?? declared[0])?.name ?? posix.basename(file.path);
}

/**
 * The method of a found class that the requirements it serves spell out (`removeCouponCode` of `OrderService` for
 * "when a coupon code is removed"): of those sharing two of their words or more, one beyond the owner's own, the one
 * sharing most, the owner's own words (`order` of `OrderService`, in most of its methods' names) counting half; of
 * two sharing as much, the one with fewer words the text does not say (`resetPassword`, not
 * `sendResetPasswordEmail`, for "after a password reset"); none when another is as close.
 */
function memberToChange(symbol: CodeSymbol, words: Set<string>): CodeSymbol | undefined {
  const owner = new Set(CodeMap.words(symbol.name));
  const scored = symbol.members
    .filter((member) => member.kind === 'method' && member.name !== 'constructor')
    .map((member) => {
      const named = [...new Set(CodeMap.words(member.name))];
      const shared = named.filter((word) => words.has(word));
      const own = shared.filter((word) => owner.has(word)).length;
      return { member, shared: shared.length, telling: shared.length - own, score: 2 * shared.length - own, unsaid: named.length - shared.length };
    })
    .filter(({ shared, telling }) => shared >= 2 && telling >= 1)
    .sort((a, b) => b.score - a.score || a.unsaid - b.unsaid);
  const [first, second] = scored;
  // Sorted, the first is as close as the second or closer: it is named only when closer.
  return first && (!second || first.score > second.score || first.unsaid < second.unsaid) ? first.member : undefined;
}

/**
 * The symbol whose name shares most words with the requirement (the first of those sharing as many): of a file's
 * exported functions, `startPostgresDatabase` for "database startup for quick-start Postgres", not `checkNodeVersion`
 * for its "checks". On the changed files of the dev sets' commits with two exported functions or more, the
 * commit touched the symbol it names 35 times in 94 (application set; the first sharing a word: 31), 37 in 88
 * (library set; 34) and 13 in 36 (PRDs; 12).
 */
function mostShared(symbols: CodeSymbol[], words: Set<string>): CodeSymbol | undefined {
  let best: { symbol?: CodeSymbol; shared: number } = { shared: 0 };
  for (const symbol of symbols) {
    const shared = new Set(CodeMap.words(symbol.name).filter((w) => words.has(w))).size;
    if (shared > best.shared) best = { symbol, shared };
  }
  return best.symbol;
}

/**
 * Whether a file declares something that runs (a class, a function): a file of types, constants or query documents
 * (`orders.graphql.ts`) has nothing a spec of its own could check. Of the changed files with no spec beside them and
 * nothing that runs, none got one in its commit (0 of 65 on the application set, 0 of 85 on the library set, 0 of
 * 25 on the PRDs); it is the code using them that is tested.
 */
function declaresBehaviour(file: IndexedFile | undefined): boolean {
  return !file || file.symbols.some((s) => s.kind === 'class' || isCallable(s));
}

/** A function, or a constant holding one (`export const getTrash = (ro) => …`). */
function isCallable(symbol: CodeSymbol): boolean {
  return symbol.kind === 'function' || (symbol.kind === 'variable' && /=>|\bfunction\b/.test(symbol.signature));
}

/** The domain words of a file's name, without those saying what kind of file it is: `tax-zone-strategy.ts` → tax, zone, strategy. */
function domainWordsOfName(file: IndexedFile): string[] {
  return CodeMap.words(posix.basename(file.path).replace(/\..*$/, '')).filter((w) => !ROLE_WORDS.has(w));
}

/** A file's name words read by the splitter requirements are read by: a function word of the name (`get`) is in no requirement's words. */
function nameWordsAsRead(file: IndexedFile): string[] {
  return domainWordsOfName(file).flatMap((word) => splitWords(word));
}

/** Where the text spells a file's name words in a row (each from its first three letters on), to read their role. */
function spelledAt(text: string, file: IndexedFile): number | undefined {
  const words = domainWordsOfName(file).map((word) => `${word.slice(0, 3).replace(/[^a-z0-9]/g, '')}[a-z0-9]*`);
  return new RegExp(`\\b${words.join('[^a-z0-9]+(?:(?:an?|the)[^a-z0-9]+)?')}`, 'i').exec(text)?.index;
}

/**
 * Whether a word of prose says a word of a name: the same word, one the other begins ("order" and "ordering"), or
 * one of its derivations ("order modification" says `OrderModifier`, "the price calculation" `PriceCalculator`).
 */
function saysWord(said: string, named: string): boolean {
  if (said === named) return true;
  if (said.length >= 3 && named.length >= 3 && (said.startsWith(named) || named.startsWith(said))) return true;
  const root = derivationalRoot(said);
  return root !== said && root === derivationalRoot(named);
}

/**
 * The clause of a text that spells out a file's name, as the rest of an instruction: "… and include it in the
 * request log line" → "to include it in the request log line"; "It lists each order line" → "so that it lists
 * each order line". An aside in parentheses is left out, so a subject keeps its verb ("The language list in the
 * dialog (reachable from the switcher) uses …"). None when the clause is neither a statement nor an instruction: a
 * label before its details ("Channel switcher language menu: …") or a subject with no instruction ("grid view
 * supports adding records", "login page env error"), which "to …" would garble; the requirement is quoted anyway.
 */
function clauseNaming(text: string, file: IndexedFile): string | undefined {
  const name = domainWordsOfName(file);
  const prose = withoutAsides(text);
  const clause = prose.split(/(?<=[,;:])|\s—\s/).find((part) => {
    const words = CodeMap.words(part);
    return name.every((w) => words.some((x) => saysWord(x, w)));
  });
  if (!clause || clause.trim().endsWith(':')) return undefined;
  const found = clause
    .trim()
    .replace(/[,;]$/, '')
    .replace(/^(?:and|or|then|also)\s+/i, '')
    .replace(/\s+(?:so|and|or)$/i, '')
    .replace(/[.]+$/, '');
  if (!found || found.split(/\s+/).length > 14 || CONDITION_START.test(found)) return undefined;
  const lowered = found.charAt(0).toLowerCase() + found.slice(1);
  // A clause with its own subject ("it lists each line", "the total shows") is a statement, not an instruction.
  if (STATEMENT_START.test(lowered)) return `so that ${lowered}`;
  return INSTRUCTION_START.test(lowered) ? `to ${lowered}` : undefined;
}

interface ServedRequirement {
  requirement: Requirement;
  /** The telling words it shares with the file, each weighed by how few requirements use it. */
  score: number;
  /** The file's words it says (an irregular past form as its verb). */
  shared: Set<string>;
}

/**
 * The requirements a found file serves, best first: those sharing telling words with its name, its declarations
 * and their members (`OrderService.setShippingAddress` serves "setting the shipping address clears…"), a word of
 * its name counting more (`NAME_WORD`). A word every requirement uses (the feature's own nouns) says nothing
 * about which, so each shared word weighs by how few requirements use it; a long requirement does not win by its
 * length. With no telling word shared, the first requirement. `wordsOf` holds each requirement's words as read
 * for code (`withoutProjectKinds`: the "app" of "the workers app" is not a word of what the work is).
 */
function requirementsServedBy(file: IndexedFile, requirements: Requirement[], wordsOf: Array<Set<string>>): ServedRequirement[] {
  const own = wordsAbout(file);
  const named = new Set(nameWordsAsRead(file));
  // The file's words each requirement says, an irregular past form ("is sent") as the base the code names (`sendEmail`).
  const asRead = (w: string) => (own.has(w) ? w : irregularVerbBase(w));
  const sharedOf = wordsOf.map((words) => new Set([...words].map(asRead).filter((w): w is string => w !== undefined && own.has(w))));
  const used = new Map<string, number>();
  for (const shared of sharedOf) for (const word of shared) used.set(word, (used.get(word) ?? 0) + 1);
  const weight = (shared: Set<string>) =>
    [...shared].reduce((sum, w) => sum + (named.has(w) ? NAME_WORD : 1) * Math.log((requirements.length + 1) / used.get(w)!), 0);
  const served = requirements.map((requirement, i) => ({ requirement, score: weight(sharedOf[i]), shared: sharedOf[i] })).filter((r) => r.score > 0);
  // Stable: of equal scores, the requirement stated first.
  return served.length
    ? served.sort((a, b) => b.score - a.score)
    : requirements.slice(0, 1).map((requirement) => ({ requirement, score: 0, shared: new Set() }));
}

/**
 * The other requirements a found file's change serves: those that share at least `ALSO_SERVED` of the best's
 * telling words with it and name what the file is named for (every word of its name: "the base collaborator
 * list" for `collaborator.service.ts`). The same behaviour is often stated twice, as a story and as a
 * requirement; left waiting, the second reads as work with no place though the plan changes its file. Over the
 * 28 PRD drafts, 26 requirements so placed went to a file their commit changed and 21 to another (the drafts'
 * requirements on files: 83 and 133); without the name, 41 and 37.
 */
function alsoServedBy(file: IndexedFile, best: ServedRequirement, others: ServedRequirement[]): Requirement[] {
  if (best.score <= 0) return [];
  const named = nameWordsAsRead(file);
  return others.filter((r) => r.score >= ALSO_SERVED * best.score && named.every((word) => r.shared.has(word))).map((r) => r.requirement);
}

/** The words a file is about: its name and folder (not the project's folders above), its declarations and their members. */
function wordsAbout(file: IndexedFile): Set<string> {
  const place = file.path.split('/').slice(-2).join(' ');
  return new Set(splitWords(`${place} ${file.symbols.flatMap((s) => [s.name, ...s.members.map((m) => m.name)]).join(' ')}`));
}

function shorten(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77).replace(/\s+\S*$/, '')}…` : text;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

function commonPrefix(a: string[], b: string[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Exported symbols of a file whose name starts like the new name's (`use…` beside `use…`). */
function siblingsOf(file: IndexedFile, name: string): CodeSymbol[] {
  const words = CodeMap.words(name);
  return file.symbols.filter((s) => s.exported && CodeMap.words(s.name)[0] === words[0]).slice(0, 2);
}

function describeSiblings(file: IndexedFile, name: string): string {
  const siblings = siblingsOf(file, name);
  return siblings.length ? siblings.map((s) => `\`${s.name}\``).join(' and ') : `the existing code of \`${posix.basename(file.path)}\``;
}

function areaOfFile(file: IndexedFile, project: ProjectFact | undefined, requirement: Requirement, code: CodeMap): AreaId {
  if (requirement.area === 'security' && (file.role === 'controller' || file.role === 'guard')) return 'security';
  if (!project) return 'shared';
  return code.sideOf(project);
}

/**
 * The test work for changes the ranking found: the specs those files already have, by path (they hold the cases
 * to extend), and specs beside the files that have none.
 */
function inferredTestsAction(files: Array<{ file: string; spec: { path: string; exists: boolean } }>): string {
  const quoted = (paths: string[]) => paths.map((path) => `\`${path}\``).join(', ');
  // Files with no spec of their own share their project's suite for the feature: named once.
  const tested = [...new Set(files.filter(({ spec }) => spec.exists).map(({ spec }) => spec.path))];
  const untested = files.filter(({ spec }) => !spec.exists).map(({ file }) => posix.basename(file));
  if (tested.length === 0) return `Add specs beside the files above that change (${quoted(untested)})`;
  const extend = `Extend the specs of the files above that change: ${quoted(tested)}`;
  return untested.length ? `${extend}; add specs beside the others that change (${quoted(untested)})` : extend;
}
