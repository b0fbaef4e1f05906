import type { ContextPack, FileRole, RankedFile } from '../../context/types';
import type { ProjectFact, WorkspaceFacts } from '../../workspace/types';
import { ownersOf } from '../../workspace/owners';
import { splitWords as keywords } from '../../code/words';
import { slugify } from '../../utils/words';
import type { AreaId, Requirement, Sourced, WorkItem } from '../plan-model';
import { projectSide } from './classify';
import { FileMatcher } from './match-files';

export const AREA_ORDER: AreaId[] = ['backend', 'frontend', 'shared', 'security', 'testing'];
/** Implementation order: contracts first, then the server, the client, and the cross-cutting checks. */
const BUILD_ORDER: AreaId[] = ['shared', 'backend', 'frontend', 'security', 'testing'];

const VERB_BY_ROLE: Record<FileRole, string> = {
  controller: 'Expose',
  service: 'Implement',
  module: 'Register',
  entity: 'Extend',
  dto: 'Extend',
  model: 'Extend',
  component: 'Update',
  hook: 'Extend',
  store: 'Extend',
  guard: 'Enforce',
  util: 'Add',
  config: 'Configure',
  test: 'Test',
  other: 'Change',
};

interface Scope {
  facts: WorkspaceFacts;
  context: ContextPack;
  affected: ProjectFact;
  matcher: FileMatcher;
}

/**
 * Turns requirements into work items, each tied to the files it most likely touches: the best keyword match
 * among the context's files on the requirement's side of the system (backend, frontend, shared). When no
 * existing file fits, the item creates a new one under the project that side belongs to, and says so.
 */
export function planWorkItems(requirements: Requirement[], acceptance: Sourced[], facts: WorkspaceFacts, context: ContextPack): WorkItem[] {
  const affected = facts.projects[context.affected.name];
  const scope: Scope = { facts, context, affected, matcher: new FileMatcher(context.files.filter((f) => f.role !== 'test')) };
  const items = requirements.filter((r) => r.area !== 'testing').map((requirement) => itemFor(requirement, scope));
  attachAcceptance(items, acceptance);
  const tests = testItems(items, requirements.filter((r) => r.area === 'testing'), scope);
  const ordered = [...items, ...tests].sort((a, b) => BUILD_ORDER.indexOf(a.area) - BUILD_ORDER.indexOf(b.area));
  ordered.forEach((item, i) => (item.id = `task-${String(i + 1).padStart(3, '0')}`));
  linkDependencies(ordered, facts);
  return ordered;
}

function itemFor(requirement: Requirement, scope: Scope): WorkItem {
  const side = sideOf(requirement, scope);
  if (requirement.area !== 'security' && requirement.area !== 'testing') requirement.area = side;
  const matches = scope.matcher.match(requirement.text, (file) => fileSide(file, scope) === side);
  const files = matches.slice(0, 3).map((m) => m.file);
  const best = files[0];
  const project = best?.project ?? projectForSide(side, scope).name;
  const title = best ? changeTitle(requirement, best) : createTitle(requirement, projectForSide(side, scope));
  const symbol = best ? keySymbol(best, requirement.text) : undefined;
  return {
    id: '',
    title,
    area: requirement.area,
    project,
    files: files.map((f) => f.path),
    requirements: [requirement],
    acceptance: [],
    ...complexity(files, scope),
    ...(best && symbol ? { pattern: { path: best.path, symbol } } : {}),
    dependsOn: [],
    owners: best ? ownersOf(scope.facts.owners, best.path) : [],
  };
}

/** The side of the system a requirement lands on: where the files it names live, else its words' area. */
function sideOf(requirement: Requirement, scope: Scope): AreaId {
  const named = [...scope.matcher.namedFiles(requirement.text).entries()].sort((a, b) => b[1] - a[1]);
  const file = named.length ? scope.context.files.find((f) => f.path === named[0][0]) : undefined;
  if (file) return fileSide(file, scope);
  return requirement.area === 'security' ? 'backend' : requirement.area;
}

function fileSide(file: RankedFile, scope: Scope): AreaId {
  const project = scope.facts.projects[file.project];
  return project ? projectSide(project) : 'shared';
}

/** The best-ranked project of a side, or the affected project when the context holds none. */
function projectForSide(side: AreaId, scope: Scope): ProjectFact {
  const ranked = scope.context.projects.map((p) => scope.facts.projects[p.name]).filter(Boolean);
  return ranked.find((p) => p.type !== 'e2e' && projectSide(p) === side) ?? scope.affected;
}

/** The symbol a work item is about: one the requirement names, else the file's main class or function. */
function keySymbol(file: RankedFile, text: string) {
  const exported = file.symbols.filter((s) => s.exported);
  return (
    file.symbols.find((s) => new RegExp(`\\b${s.name}\\b`).test(text)) ??
    exported.find((s) => s.kind === 'class' || s.kind === 'function') ??
    exported[0] ??
    file.symbols[0]
  );
}

function changeTitle(requirement: Requirement, file: RankedFile): string {
  const symbol = keySymbol(file, requirement.text);
  const target = symbol ? `\`${symbol.name}\` in \`${file.path}\`` : `\`${file.path}\``;
  return `${VERB_BY_ROLE[file.role]} ${target} — ${requirement.id}: ${phrase(requirement)} (${requirement.source})`;
}

function createTitle(requirement: Requirement, project: ProjectFact): string {
  const dir = `${project.sourceRoot}/${slugify(phrase(requirement)) || 'feature'}/`;
  return `Create \`${dir}\` (new) in \`${project.name}\` — ${requirement.id}: ${phrase(requirement)} (${requirement.source})`;
}

/** The heart of a requirement: a story's "I want …" part, or the sentence itself, cut to a readable length. */
function phrase(requirement: Sourced): string {
  const story = /\bi (?:want|need|can)(?: to)?\s+(.+?)(?:,?\s+so (?:that|i can)\b.*)?$/i.exec(requirement.text);
  const text = (story ? story[1] : requirement.text).replace(/^[-*]\s*/, '').replace(/[.;:]+$/, '').trim();
  return text.length > 180 ? `${text.slice(0, 177).replace(/\s+\S*$/, '')}…` : text;
}

function complexity(files: RankedFile[], scope: Scope): Pick<WorkItem, 'complexity' | 'complexityBasis'> {
  if (files.length === 0) return { complexity: 'medium', complexityBasis: 'new code: no existing file fits' };
  const projects = new Set(files.map((f) => f.project)).size;
  const publicApi = files.reduce((n, f) => n + f.symbols.filter((s) => s.exported).length, 0);
  const dependents = files.reduce((n, f) => n + (scope.facts.projects[f.project]?.dependents.length ?? 0), 0);
  const score = files.length + projects + (dependents > 0 ? 2 : 0);
  const level = score <= 3 ? 'low' : score <= 6 ? 'medium' : 'high';
  return {
    complexity: level,
    complexityBasis: `${files.length} file(s) in ${projects} project(s), ${publicApi} exported symbol(s), ${dependents} dependent project(s)`,
  };
}

/** Each acceptance criterion goes to the work item whose requirement shares most of its words. */
function attachAcceptance(items: WorkItem[], acceptance: Sourced[]): void {
  for (const criterion of acceptance) {
    const words = new Set(keywords(criterion.text));
    let best: WorkItem | undefined;
    let bestShared = 0;
    for (const item of items) {
      const shared = keywords(item.requirements.map((r) => r.text).join(' ')).filter((w) => words.has(w)).length;
      if (shared > bestShared) [best, bestShared] = [item, shared];
    }
    (best ?? items[0])?.acceptance.push(criterion.text);
  }
}

/** One testing item per touched project that has a test target, naming its specs and command. */
function testItems(items: WorkItem[], testRequirements: Requirement[], scope: Scope): WorkItem[] {
  const byProject = new Map<string, WorkItem[]>();
  for (const item of items) byProject.set(item.project, [...(byProject.get(item.project) ?? []), item]);
  const tests: WorkItem[] = [];
  for (const [name, projectItems] of byProject) {
    const project = scope.facts.projects[name];
    const target = project?.targets.find((t) => t.kind === 'test');
    if (!project || !target) continue;
    const specs = scope.context.specs.filter((spec) => spec.startsWith(`${project.root}/`)).slice(0, 3);
    const where = specs.length ? `next to ${specs.map((s) => `\`${s}\``).join(', ')}` : `under \`${project.sourceRoot}\``;
    const covered = projectItems.map((i) => i.requirements[0].id).join(', ');
    tests.push(testItem(`Write unit tests ${where} covering ${covered}; run \`nx run ${name}:${target.name}\``, name, specs, [...projectItems.flatMap((i) => i.requirements), ...testRequirements], scope));
  }
  for (const e2e of e2eProjectsFor(byProject, scope)) {
    const target = e2e.targets.find((t) => t.kind === 'e2e')!;
    tests.push(testItem(`Add an end-to-end scenario in \`${e2e.root}\` for the user-facing flow; run \`nx run ${e2e.name}:${target.name}\``, e2e.name, [], testRequirements, scope));
  }
  return tests;
}

function testItem(title: string, project: string, files: string[], requirements: Requirement[], scope: Scope): WorkItem {
  return {
    id: '',
    title,
    area: 'testing',
    project,
    files,
    requirements,
    acceptance: [],
    complexity: 'low',
    complexityBasis: 'tests follow the existing specs',
    dependsOn: [],
    owners: files[0] ? ownersOf(scope.facts.owners, files[0]) : [],
  };
}

/** E2E projects that exercise a touched frontend application. */
function e2eProjectsFor(byProject: Map<string, WorkItem[]>, scope: Scope): ProjectFact[] {
  const touchedApps = [...byProject.keys()].map((n) => scope.facts.projects[n]).filter((p) => p?.type === 'application' && projectSide(p) === 'frontend');
  return Object.values(scope.facts.projects).filter(
    (p) => p.targets.some((t) => t.kind === 'e2e') && touchedApps.some((app) => p.dependencies.includes(app.name) || p.name.startsWith(app.name)),
  );
}

/** An item depends on earlier items in projects that its own project depends on (per the project graph). */
function linkDependencies(items: WorkItem[], facts: WorkspaceFacts): void {
  items.forEach((item, i) => {
    const deps = new Set(facts.projects[item.project]?.dependencies ?? []);
    item.dependsOn = items
      .slice(0, i)
      .filter((earlier) => (earlier.project !== item.project && deps.has(earlier.project)) || (item.area === 'testing' && earlier.project === item.project && earlier.area !== 'testing'))
      .map((earlier) => earlier.id);
  });
}
