import { posix } from 'node:path';
import type { RankedFile } from '../../context/types';
import { ownersOf } from '../../workspace/owners';
import { runsTestTool } from '../../workspace/project-facts';
import type { ProjectFact, WorkspaceFacts } from '../../workspace/types';
import { compoundTerm, countOf, splitWords as keywords } from '../../code/words';
import type { AreaId, Requirement, Sourced, WorkItem } from '../../templates/plan-data';
import { exportedSymbols, type CodeMap } from './code-map';
import { planChanges, type ChangePlan, type PlannedChange } from './plan-changes';

export const AREA_ORDER: AreaId[] = ['backend', 'frontend', 'shared', 'security', 'testing'];
/** Implementation order: contracts first, then the server, the client, and the cross-cutting checks. */
const BUILD_ORDER: AreaId[] = ['shared', 'backend', 'security', 'frontend', 'testing'];

export interface PlannedWork {
  items: WorkItem[];
  plan: ChangePlan;
}

/**
 * Turns requirements into work items: one per file the change touches (or creates), naming the symbol, the
 * requirements it serves and the existing code it uses; then one per spec, and an end-to-end scenario where a
 * touched application has an e2e project.
 */
export function planWorkItems(
  requirements: Requirement[],
  acceptance: Sourced[],
  facts: WorkspaceFacts,
  affected: ProjectFact,
  code: CodeMap,
  ranked: RankedFile[],
  nonGoals: Sourced[] = [],
): PlannedWork {
  const plan = planChanges(requirements, code, affected, ranked, nonGoals);
  const items = plan.changes.map((change) => itemFor(change, facts, code));
  const e2e = e2eItem(items, plan, requirements, facts, code);
  if (e2e) items.push(e2e);
  attachAcceptance(items, acceptance);
  const ordered = items.sort((a, b) => BUILD_ORDER.indexOf(a.area) - BUILD_ORDER.indexOf(b.area));
  ordered.forEach((item, i) => (item.id = `task-${String(i + 1).padStart(3, '0')}`));
  linkDependencies(ordered, facts, code);
  return { items: ordered, plan };
}

function itemFor(change: PlannedChange, facts: WorkspaceFacts, code: CodeMap): WorkItem {
  const project = facts.projects[change.project];
  const where = change.pathInAction
    ? ''
    : change.path
      ? ` in \`${change.path}\`${change.isNew ? ' (new)' : ''}`
      : change.folder
        ? ` in \`${change.folder}/\``
        : ` in \`${change.project}\``;
  const uses = change.uses.length ? `, using ${change.uses.slice(0, 3).join(', ')}` : '';
  const run = howToRun(change, project);
  return {
    id: '',
    title: `${change.action}${where}${uses}${run} — ${servedBy(change.requirements)}`,
    area: change.area,
    project: change.project,
    files: change.path ? [change.path] : [],
    ...(change.isNew && change.path ? { creates: [change.path] } : {}),
    ...(change.adds ? { adds: change.adds } : {}),
    requirements: change.requirements,
    acceptance: [],
    ...complexityOf(change, project),
    ...patternOf(change, code),
    dependsOn: [],
    owners: change.path ? ownersOf(facts.owners, change.path) : [],
  };
}

/**
 * What follows a work item's action: for a test item, the target that runs the project's tests (its end-to-end
 * suite for end-to-end specs; a test runner, and the end-to-end suite too when some of its specs are end-to-end
 * ones; else its end-to-end suite, else that there is none); for building work without a file, that it waits for
 * its place.
 */
function howToRun(change: PlannedChange, project: ProjectFact | undefined): string {
  if (change.area !== 'testing') return change.path ? '' : ' once its place is settled (see the open questions)';
  const targets = project?.targets ?? [];
  // The end-to-end target that runs the suite, not one that only prepares it (`pre-test-e2e` seeds a database).
  const endToEnds = targets.filter((t) => t.kind === 'e2e');
  const endToEnd = endToEnds.find(runsTestTool) ?? endToEnds[0];
  if (change.endToEnd && endToEnd) return `; run \`nx run ${change.project}:${endToEnd.name}\``;
  const runners = targets.filter((t) => t.kind === 'test');
  // Specs beside files run with the unit suite: not a target that runs the end-to-end one too
  // (`run-s test-unit test-e2e`, which seeds a database), when the project has one that does not.
  const runner = runners.find((t) => !/e2e|end-to-end/i.test(t.command ?? '')) ?? runners[0];
  if (runner && change.partlyEndToEnd && endToEnd && endToEnd !== runner)
    return `; run \`nx run ${change.project}:${runner.name}\` and \`nx run ${change.project}:${endToEnd.name}\``;
  if (runner) return `; run \`nx run ${change.project}:${runner.name}\``;
  if (endToEnd) return `; its tests run end to end: \`nx run ${change.project}:${endToEnd.name}\``;
  // A target named for tests that is of no kind runs no tool (`targetKind`): npm's placeholder script.
  const placeholder = targets.find((t) => t.kind === 'other' && /test/i.test(t.name));
  return `; \`${change.project}\` has no target that runs its tests${placeholder ? ` (its \`${placeholder.name}\` target only echoes)` : ''}`;
}

/**
 * The existing code to follow: the sibling a new name copies, else the symbol the change names in its file,
 * else the file's main export. Specs and new files have none of their own.
 */
function patternOf(change: PlannedChange, code: CodeMap): Pick<WorkItem, 'pattern'> {
  if (!change.path || change.isNew || change.area === 'testing') return {};
  const file = code.index.files.get(change.path);
  if (!file) return {};
  const exported = exportedSymbols(file);
  const named = exported.find((s) => new RegExp(`\`${s.name}[\`.(]`).test(change.action));
  const symbol = change.adds?.sibling ?? named ?? exported.find((s) => s.kind === 'class' || s.kind === 'function');
  return symbol ? { pattern: { path: file.path, symbol } } : {};
}

/** "FR-1: expose `GET /orders/export` (PRD.md:64); also FR-2, FR-4". */
function servedBy(requirements: Requirement[]): string {
  const [first, ...rest] = requirements;
  if (!first) return 'supports the changes above';
  return `${first.id}: ${phrase(first)} (${first.source})${rest.length ? `; also ${rest.map((r) => r.id).join(', ')}` : ''}`;
}

/** The heart of a requirement: a story's "I want …" part, or the sentence itself, cut to a readable length. */
function phrase(requirement: Sourced): string {
  const story = /\bi (?:want|need|can)(?: to)?\s+(.+?)(?:,?\s+so (?:that|i can)\b.*)?$/i.exec(requirement.text);
  const text = (story ? story[1] : requirement.text)
    .replace(/^[-*]\s*/, '')
    .replace(/[.;:]+$/, '')
    .trim();
  const first = text.split(/(?<=[.!?])\s+/)[0];
  return first.length > 140 ? `${first.slice(0, 137).replace(/\s+\S*$/, '')}…` : first;
}

function complexityOf(change: PlannedChange, project: ProjectFact | undefined): Pick<WorkItem, 'complexity' | 'complexityBasis'> {
  const dependents = project?.dependents.length ?? 0;
  const requirements = change.requirements.length;
  const score = requirements + (change.isNew ? 1 : 0) + (dependents > 0 && !change.isNew ? 2 : 0);
  const level = change.area === 'testing' ? 'low' : score <= 2 ? 'low' : score <= 5 ? 'medium' : 'high';
  const kind = change.isNew ? 'a new file' : 'an existing file';
  return { complexity: level, complexityBasis: `${kind} serving ${requirements} requirement(s) in a project with ${dependents} dependent project(s)` };
}

/**
 * An end-to-end scenario for a touched frontend application that has an e2e project: a new spec beside the
 * existing spec that covers the same page, named after it and the new route (`orders.spec.ts` →
 * `orders-export.spec.ts`), or the existing spec extended when nothing new is added.
 */
function e2eItem(items: WorkItem[], plan: ChangePlan, requirements: Requirement[], facts: WorkspaceFacts, code: CodeMap): WorkItem | undefined {
  const touchedApps = [...new Set(items.map((i) => i.project))]
    .map((n) => facts.projects[n])
    .filter((p) => p?.type === 'application' && code.sideOf(p) === 'frontend');
  const e2e = Object.values(facts.projects).find(
    (p) => p.targets.some((t) => t.kind === 'e2e') && touchedApps.some((app) => p.dependencies.includes(app.name) || p.name.startsWith(app.name)),
  );
  if (!e2e) return undefined;
  const target = e2e.targets.find((t) => t.kind === 'e2e')!;
  const pageWords = new Set(
    items.filter((i) => touchedApps.some((a) => a.name === i.project)).flatMap((i) => i.files.flatMap((f) => keywords(posix.basename(f)))),
  );
  const specs = code.filesOf(e2e.name).filter((f) => /\.(spec|test|cy|e2e)\.[jt]sx?$/.test(f.path));
  const allSpecs = specs.length ? specs : [...code.index.files.values()].filter((f) => f.project === e2e.name);
  const existing = allSpecs.find((f) => keywords(posix.basename(f.path).split('.')[0]).some((w) => pageWords.has(w)));
  const newRoute = plan.changes
    .map((c) => /`(?:GET|POST|PUT|PATCH|DELETE) (\/[^`]+)`/.exec(c.action)?.[1])
    .find(Boolean)
    ?.split('/')
    .filter((s) => s && !s.startsWith(':'))
    .pop();
  const newHandler = plan.changes.map((c) => /^Add (?:a |the )?`(\w+)` handler/.exec(c.action)?.[1]).find(Boolean);
  const newPart = newRoute ?? newHandler?.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
  const served = requirements.filter((r) => r.area === 'frontend' || r.kind === 'story');
  const base: Omit<WorkItem, 'title' | 'files'> = {
    id: '',
    area: 'testing',
    project: e2e.name,
    requirements: served,
    acceptance: [],
    complexity: 'low',
    complexityBasis: 'follows the existing end-to-end specs',
    dependsOn: [],
    owners: [],
  };
  const run = `run \`nx run ${e2e.name}:${target.name}\``;
  if (existing) {
    const name = posix.basename(existing.path);
    const stem = name.split('.')[0];
    if (newPart && !stem.includes(newPart)) {
      const path = `${posix.dirname(existing.path)}/${stem}-${newPart}${name.slice(stem.length)}`;
      return {
        ...base,
        title: `Add the end-to-end scenario in \`${path}\` (new), in the style of the existing specs beside it; ${run}`,
        files: [path],
        creates: [path],
      };
    }
    return { ...base, title: `Extend the end-to-end scenario in \`${existing.path}\`; ${run}`, files: [existing.path] };
  }
  return { ...base, title: `Add an end-to-end scenario under \`${e2e.sourceRoot || e2e.root}\` for the user-facing flow; ${run}`, files: [] };
}

/** Each acceptance criterion goes to the work item whose requirements share most of its words. */
function attachAcceptance(items: WorkItem[], acceptance: Sourced[]): void {
  for (const criterion of acceptance) {
    const words = new Set(keywords(criterion.text));
    let best: WorkItem | undefined;
    let bestShared = 0;
    for (const item of items) {
      const shared = keywords(`${item.title} ${item.requirements.map((r) => r.text).join(' ')}`).filter((w) => words.has(w)).length;
      if (shared > bestShared) [best, bestShared] = [item, shared];
    }
    (best ?? items[0])?.acceptance.push(criterion.text);
  }
}

/**
 * An item depends on the earlier items it builds on: the code its file uses (an earlier item changes a file
 * whose exports this item's file uses, or creates one in a project this item's project depends on, for a
 * requirement they share); a spec depends on the code it covers; the end-to-end scenario on the code of the
 * application it drives.
 */
/** A new file in the same folder as one of the files, or in a folder right below it (`dto/` beside a controller). */
function beside(created: string, files: string[]): boolean {
  const folder = posix.dirname(created);
  return files.some((file) => posix.dirname(file) === folder || posix.dirname(folder) === posix.dirname(file));
}

function linkDependencies(items: WorkItem[], facts: WorkspaceFacts, code: CodeMap): void {
  items.forEach((item, i) => {
    const deps = new Set(facts.projects[item.project]?.dependencies ?? []);
    const covers = new Set(item.requirements.map((r) => r.id));
    const mine = item.files.map((f) => code.index.files.get(f)).filter((f): f is NonNullable<typeof f> => Boolean(f));
    const uses = (earlier: WorkItem) =>
      earlier.files.some((path) => {
        const file = code.index.files.get(path);
        return file ? mine.some((own) => own !== file && file.symbols.some((s) => s.exported && countOf(own.words.body, compoundTerm(s.name)) > 0)) : false;
      });
    const shares = (earlier: WorkItem) => earlier.requirements.some((r) => covers.has(r.id));
    item.dependsOn = items
      .slice(0, i)
      .filter((earlier) => {
        if (earlier.area === 'testing') return false;
        if (item.area === 'testing') return earlier.project === item.project ? shares(earlier) : /end-to-end/.test(item.title) && shares(earlier);
        if (earlier.project !== item.project && !deps.has(earlier.project)) return false;
        return (
          uses(earlier) ||
          (shares(earlier) && (earlier.creates ?? []).some((created) => (earlier.project !== item.project ? true : beside(created, item.files))))
        );
      })
      .map((earlier) => earlier.id);
  });
}
