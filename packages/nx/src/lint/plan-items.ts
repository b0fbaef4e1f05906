import type { ListItem, Nodes } from 'mdast';
import { isPlanningDocument } from '../inputs/feature-inputs';
import { contentHash } from '../utils/content-hash';
import type { ChangedFile, ChangeSet } from './git-diff';
import { textOf, type Located } from '../markdown/nodes';
import type { ParsedPlan } from './parse-plan';
import type { PathShape, SymbolReference } from '../plan-file/references';
import { planProjectRoot, resolveAgainst } from './rules/gp005-file-exists';
import { isCodeFile, symbolRanges, touches } from './symbol-ranges';
import type { RuleReport } from './types';
import type { LintWorkspace } from './workspace-view';

/**
 * A plan's checklist items against a diff: which items the code bears out. Pure: the plan, the workspace
 * view and a `ChangeSet` in, item states out. Shared by the --against rules, GP009, the JSON report and
 * `groundplan status`, and computed once per plan and diff.
 */

export interface NamedPath extends Located {
  /** Workspace-relative, resolved against the plan's project like GP005 does. */
  path: string;
  shape: PathShape;
  isNew: boolean;
}

export interface PlanItem extends Located {
  checked: boolean;
  /** The item's own words (its first paragraph). */
  text: string;
  endLine: number;
  /** Paths the item itself names (not its sub-items). */
  paths: NamedPath[];
  /** Symbols it names in a file (`Foo` in `x.ts`), the file resolved. */
  symbols: Array<SymbolReference & { file: string }>;
  /** The item removes what it names ("Delete `x`"): a file gone is its work, not a problem. */
  removes: boolean;
}

export type ItemState = 'done' | 'not-done' | 'looks-done' | 'in-progress' | 'untouched' | 'unverifiable';

export interface MissingPath extends Located {
  path: string;
  /** `never-created`: marked new and not there; `deleted`: removed since the ref; `missing`: not there at all. */
  reason: 'never-created' | 'deleted' | 'missing';
}

export interface ItemMatch {
  item: PlanItem;
  state: ItemState;
  /** Changed files the item names, by their current path (renames followed). */
  changed: string[];
  /** Named files that changed, though not in any symbol the item names there. */
  symbolsUntouched: string[];
  /** Named files that are not in the workspace now. */
  missing: MissingPath[];
  renamed: Array<{ from: string; to: string }>;
}

const REMOVES = /\b(?:delete|deletes|deleting|remove|removes|removing|drop|drops|retire|deprecate and remove)\b/i;
const TEST_FILE =
  /(?:^|\/)(?:__tests__|__mocks__|test|tests|e2e)\/|\.(?:spec|test|e2e|cy|stories)\.[cm]?[jt]sx?$|(?:^|\/)(?:jest|vitest|playwright|cypress)\.config\.[cm]?[jt]s$/;

/** Test files never count as unplanned work: writing tests is always in the plan. */
export function isTestFile(path: string): boolean {
  return TEST_FILE.test(path);
}

const itemsCache = new WeakMap<ParsedPlan, PlanItem[]>();

/** The plan's task items (`- [ ]`, `- [x]`, at any depth), each with the paths and symbols it names. */
export function planItems(plan: ParsedPlan, workspace: LintWorkspace): PlanItem[] {
  const cached = itemsCache.get(plan);
  if (cached) return cached;
  const nodes: ListItem[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'listItem' && typeof node.checked === 'boolean') nodes.push(node);
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(plan.tree);
  const projectRoot = planProjectRoot(plan, workspace);
  const resolve = (path: string) => resolveAgainst(path, projectRoot, workspace);
  const items: PlanItem[] = nodes.map((node) => {
    const paragraph = node.children.find((child) => child.type === 'paragraph');
    const text = paragraph ? textOf(paragraph).trim() : '';
    return {
      checked: node.checked === true,
      text,
      line: node.position?.start.line ?? 1,
      column: node.position?.start.column ?? 1,
      endLine: node.position?.end.line ?? node.position?.start.line ?? 1,
      paths: [],
      symbols: [],
      removes: REMOVES.test(text),
    };
  });
  // Each reference belongs to the innermost item holding its line.
  const owner = (line: number) => items.filter((item) => item.line <= line && line <= item.endLine).at(-1);
  for (const ref of plan.references.paths) {
    const item = owner(ref.line);
    if (item && !item.paths.some((p) => p.path === resolve(ref.path)))
      item.paths.push({ path: resolve(ref.path), shape: ref.shape, isNew: ref.isNew, line: ref.line, column: ref.column });
  }
  for (const ref of plan.references.symbols) {
    const item = owner(ref.line);
    if (item && ref.owner.kind === 'path') item.symbols.push({ ...ref, file: resolve(ref.owner.path) });
  }
  itemsCache.set(plan, items);
  return items;
}

/** A ChangeSet indexed by current and former path. */
interface ChangeIndex {
  changes: ChangeSet;
  byPath: Map<string, ChangedFile>;
  byFrom: Map<string, ChangedFile>;
}

const indexCache = new WeakMap<ChangeSet, ChangeIndex>();

function indexOf(changes: ChangeSet): ChangeIndex {
  let index = indexCache.get(changes);
  if (!index) {
    index = {
      changes,
      byPath: new Map(changes.files.map((file) => [file.path, file])),
      byFrom: new Map(changes.files.filter((file) => file.from).map((file) => [file.from!, file])),
    };
    indexCache.set(changes, index);
  }
  return index;
}

/** The changes a named path stands for: the file (by its current or former path), or the files under a folder. */
export function changesFor(path: string, shape: PathShape, changes: ChangeSet): ChangedFile[] {
  const index = indexOf(changes);
  const exact = index.byPath.get(path) ?? index.byFrom.get(path);
  if (exact) return [exact];
  if (shape === 'file') return [];
  const prefix = `${path}/`;
  return changes.files.filter((file) => file.path.startsWith(prefix) || file.from?.startsWith(prefix));
}

/**
 * Whether a change counts for someone naming `symbols` in the file: it does unless the file's diff left
 * every named symbol's text alone. A symbol no longer in the file was removed (a change); one the plan adds
 * and the file does not declare yet was not written (no change).
 */
export function changeCounts(file: ChangedFile, symbols: Array<Pick<SymbolReference, 'name' | 'member' | 'isNew'>>, workspace: LintWorkspace): boolean {
  // A pure rename changes the path, not any symbol in it.
  if (file.status === 'renamed' && file.lines?.length === 0) return symbols.length === 0;
  if (file.status === 'added' || file.status === 'deleted' || !file.lines || symbols.length === 0 || !isCodeFile(file.path)) return true;
  const content = workspace.source.read(file.path);
  if (content === undefined) return true;
  let ranges: Map<string, [number, number]>;
  try {
    ranges = symbolRanges(file.path, content.toString('utf8'));
  } catch {
    return true;
  }
  return symbols.some((symbol) => {
    const range = (symbol.member ? ranges.get(`${symbol.name}.${symbol.member}`) : undefined) ?? ranges.get(symbol.name);
    if (!range) return !symbol.isNew;
    return touches(range, file.lines!);
  });
}

const matchCache = new WeakMap<ParsedPlan, WeakMap<ChangeSet, ItemMatch[]>>();

/** Each item's state against the diff. */
/**
 * What a `--against` rule says of each item: its reports for every item matched with the diff's changes (the
 * ref they are since given), nothing when the run has no diff. GP011, GP012 and GP014 differ only in `report`.
 */
export function reportOnItems(plan: ParsedPlan, workspace: LintWorkspace, report: (match: ItemMatch, ref: string) => RuleReport[]): RuleReport[] {
  const changes = plan.changes;
  if (!changes) return [];
  return matchItems(plan, workspace, changes).flatMap((match) => report(match, changes.ref));
}

export function matchItems(plan: ParsedPlan, workspace: LintWorkspace, changes: ChangeSet): ItemMatch[] {
  const byChanges = matchCache.get(plan) ?? new WeakMap<ChangeSet, ItemMatch[]>();
  matchCache.set(plan, byChanges);
  const cached = byChanges.get(changes);
  if (cached) return cached;
  const matches = planItems(plan, workspace).map((item) => matchItem(item, workspace, changes));
  byChanges.set(changes, matches);
  return matches;
}

function matchItem(item: PlanItem, workspace: LintWorkspace, changes: ChangeSet): ItemMatch {
  const match: ItemMatch = { item, state: 'unverifiable', changed: [], symbolsUntouched: [], missing: [], renamed: [] };
  let changedPaths = 0;
  for (const named of item.paths) {
    const found = changesFor(named.path, named.shape, changes);
    let counted = false;
    for (const file of found) {
      if (file.status === 'renamed' && file.from === named.path) match.renamed.push({ from: named.path, to: file.path });
      const symbols = item.symbols.filter((symbol) => symbol.file === named.path || symbol.file === file.path);
      if (changeCounts(file, symbols, workspace)) {
        counted = true;
        if (!match.changed.includes(file.path)) match.changed.push(file.path);
      } else if (!match.symbolsUntouched.includes(file.path)) {
        match.symbolsUntouched.push(file.path);
      }
      if (file.status === 'deleted' && found.length === 1 && !item.removes)
        match.missing.push({ path: named.path, reason: 'deleted', line: named.line, column: named.column });
    }
    if (counted) changedPaths++;
    if (found.length === 0 && !workspace.source.exists(named.path) && (named.shape === 'file' || named.isNew)) {
      match.missing.push({ path: named.path, reason: named.isNew ? 'never-created' : 'missing', line: named.line, column: named.column });
    }
  }
  if (item.paths.length === 0) return match;
  if (item.checked) match.state = changedPaths > 0 ? 'done' : 'not-done';
  else match.state = changedPaths === item.paths.length ? 'looks-done' : changedPaths > 0 ? 'in-progress' : 'untouched';
  return match;
}

/**
 * Changed files under the plan's projects that the plan never names (not in an item, not in its prose):
 * work nobody planned. Test files, the plan and its feature folder never count.
 */
export function unplannedChanges(plan: ParsedPlan, workspace: LintWorkspace, changes: ChangeSet): string[] {
  const projectRoot = planProjectRoot(plan, workspace);
  const named = plan.references.paths.map((ref) => ({ path: resolveAgainst(ref.path, projectRoot, workspace), shape: ref.shape }));
  const roots = new Set<string>();
  if (projectRoot !== undefined) roots.add(projectRoot);
  else if (plan.path) {
    const own = workspace.projectOfPath(plan.path);
    if (own) roots.add(own.root);
  }
  for (const { path } of named) {
    const project = workspace.projectOfPath(path);
    if (project) roots.add(project.root);
  }
  for (const ref of plan.references.projects) {
    const project = workspace.findProject(ref.name);
    if (project) roots.add(project.root);
  }
  const planned = new Set(named.flatMap(({ path, shape }) => changesFor(path, shape, changes).map((file) => file.path)));
  const underRoots = (path: string) => [...roots].some((root) => root === '' || path === root || path.startsWith(`${root}/`));
  return changes.files
    .map((file) => file.path)
    .filter(
      // Plans and feature inputs (this plan's or another feature's) are planning, not unplanned work.
      (path) => underRoots(path) && !planned.has(path) && !isTestFile(path) && !isPlanningDocument(path),
    );
}

export interface StaleReference extends Located {
  path: string;
  /** `renamed`: gone from its path, now at `to`. */
  status: 'changed' | 'removed' | 'renamed';
  to?: string;
  /** Unticked items that name it: the steps to check. */
  items: PlanItem[];
}

/**
 * Drift by overlap: what the plan names (files, folders and project roots as paths, symbols in them) that
 * changed since `base` — and that no ticked item names, for a ticked item's change is that item's work.
 */

export function staleByOverlap(plan: ParsedPlan, workspace: LintWorkspace, changes: ChangeSet): StaleReference[] {
  const projectRoot = planProjectRoot(plan, workspace);
  const items = planItems(plan, workspace);
  const places = new Map<string, Located & { shape: PathShape }>();
  for (const ref of plan.references.paths) {
    const path = resolveAgainst(ref.path, projectRoot, workspace);
    if (!places.has(path)) places.set(path, { line: ref.line, column: ref.column, shape: ref.shape });
  }
  const recorded = plan.frontmatter?.provenance?.references;
  for (const path of recorded && typeof recorded === 'object' ? Object.keys(recorded) : []) {
    if (!places.has(path)) places.set(path, { ...(plan.frontmatter!.referenceLines.get(path) ?? { line: plan.frontmatter!.line, column: 1 }), shape: 'file' });
  }
  // A file whose text is still the one the plan recorded did not change since the plan was written, whatever git
  // says happened since its base: a change left uncommitted when the plan was drafted (its own PRD) is not drift.
  const unchangedSinceWritten = (path: string) => {
    const hash = recorded && typeof recorded === 'object' ? (recorded as Record<string, unknown>)[path] : undefined;
    const content = hash === undefined ? undefined : workspace.source.read(path);
    return content !== undefined && contentHash(content) === hash;
  };
  const symbolsIn = (path: string) =>
    plan.references.symbols.filter((symbol) => symbol.owner.kind === 'path' && resolveAgainst(symbol.owner.path, projectRoot, workspace) === path);
  const stale: StaleReference[] = [];
  for (const [path, place] of places) {
    const naming = items.filter((item) => item.paths.some((named) => named.path === path));
    if (naming.some((item) => item.checked) || unchangedSinceWritten(path)) continue;
    // Writing a plan, or a feature's inputs, under a project root the plan names is no change to the code its steps use.
    const found = changesFor(path, place.shape, changes).filter(
      (file) => (place.shape === 'file' || !isPlanningDocument(file.path)) && changeCounts(file, symbolsIn(path), workspace),
    );
    if (found.length === 0) continue;
    const [first] = found;
    const status =
      found.length === 1 && first.status === 'deleted' && first.path === path
        ? 'removed'
        : found.length === 1 && first.status === 'renamed' && first.from === path
          ? 'renamed'
          : 'changed';
    stale.push({ path, status, ...(status === 'renamed' ? { to: first.path } : {}), items: naming, line: place.line, column: place.column });
  }
  return stale;
}

/** What the JSON report and `groundplan status` say about an item. */
export interface ItemSummary {
  line: number;
  text: string;
  checked: boolean;
  state: ItemState;
  /** The paths it names. */
  names: string[];
  /** The changed files it matched. */
  changed: string[];
  missing: string[];
  renamed?: Array<{ from: string; to: string }>;
  /** A path it names changed since the plan's base (or recorded hash), and not by a ticked item. */
  stale?: boolean;
}

export function summarize(match: ItemMatch, stale: StaleReference[] = []): ItemSummary {
  return {
    line: match.item.line,
    text: match.item.text,
    checked: match.item.checked,
    state: match.state,
    names: match.item.paths.map((p) => p.path),
    changed: match.changed,
    missing: match.missing.map((m) => m.path),
    ...(match.renamed.length > 0 ? { renamed: match.renamed } : {}),
    ...(stale.some((ref) => ref.items.includes(match.item)) ? { stale: true } : {}),
  };
}
