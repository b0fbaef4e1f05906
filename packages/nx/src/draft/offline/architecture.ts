import type { ContextPack } from '../../context/types';
import { exportedSymbols, type CodeMap } from './code-map';
import { projectEdges } from '../../context/project-edges';
import { projectDiagram } from '../../context/render';
import { MAX_EXISTING_FILES, type ChangePlan } from './plan-changes';
import type { DepConstraint, ProjectFact, WorkspaceFacts } from '../../workspace/types';
import type { Architecture, Component, Decision, DependentView, ProjectView, Risk, WorkItem } from '../../templates/plan-data';
import { compoundTerm, countOf } from '../../code/words';

export function projectView(project: ProjectFact): ProjectView {
  const { name, root, type, tags, importPath, targets } = project;
  return { name, root, type, tags, importPath, targets };
}

/** The architecture the plan works in: what it touches, what surrounds it, the rules and the stack. */
export function describeArchitecture(items: WorkItem[], plan: ChangePlan, facts: WorkspaceFacts, context: ContextPack, code: CodeMap): Architecture {
  const affected = facts.projects[context.affected.name];
  const touchedNames = [affected.name, ...new Set(items.map((i) => i.project))].filter((n, i, all) => all.indexOf(n) === i && facts.projects[n]);
  const ranked = new Map(context.projects.map((p) => [p.name, p]));
  const touched = touchedNames.map((name) => {
    const project = facts.projects[name];
    const rank = ranked.get(name) ?? { name, root: project.root, score: 0, why: 'holds work items of this plan' };
    return { ...rank, type: project.type, tags: project.tags, side: code.sideOf(project) };
  });
  return {
    touched,
    dependencies: context.neighbours.dependencies.filter((n) => facts.projects[n]).map((n) => projectView(facts.projects[n])),
    dependents: dependentsUsing(items, plan, context, facts, code),
    constraints: touchedNames
      .flatMap((n) => applicableConstraints(facts.projects[n], facts.boundaries.constraints))
      .filter((c, i, all) => all.indexOf(c) === i),
    stack: facts.stack,
    // The plan's own projects and their neighbours, not the context pack's runners-up: those the plan leaves alone.
    diagram: projectDiagram(projectEdges(facts.projects, code.index.files.values()), affected.name, touchedNames),
    components: componentsOf(items, plan, context, code),
    reuse: reusableLibraries(touchedNames, plan, facts, context),
  };
}

/**
 * The affected project's dependents, those whose code uses a declaration the plan changes first (by its whole
 * name: `ProductVariantService` in the search plugin's indexer), with where: the dependents that must keep
 * working, read before the change, rather than every project that imports the library.
 */
function dependentsUsing(items: WorkItem[], plan: ChangePlan, context: ContextPack, facts: WorkspaceFacts, code: CodeMap): DependentView[] {
  const changed = new Set(items.filter((i) => i.area !== 'testing').flatMap((i) => i.files.filter((path) => !i.creates?.includes(path))));
  const names = [...new Set([...changed].flatMap((path) => exportedSymbols(code.file(path) ?? { symbols: [] }).map((s) => s.name)))];
  const found = new Set(context.files.map((f) => f.path));
  // A use is named only within the plan's reach: its own files (and the suites its test items name) come first.
  const named = new Set([...plan.named, ...items.flatMap((i) => i.files.filter((path) => !i.creates?.includes(path)))]);
  const views = context.neighbours.dependents
    .filter((name) => facts.projects[name])
    .map((name) => {
      // Among the files the engine found for the text: a library's every importer uses its main class.
      const files = code.filesOf(name).filter((file) => file.role !== 'test' && found.has(file.path));
      // Each changed name once, at the first file using it.
      const uses: Array<{ name: string; path: string }> = [];
      for (const n of names) {
        const user = files.find((file) => countOf(file.words.body, compoundTerm(n)) > 0);
        if (uses.length === MAX_USES || !user || (!named.has(user.path) && named.size >= MAX_EXISTING_FILES)) continue;
        named.add(user.path);
        uses.push({ name: n, path: user.path });
      }
      return { ...projectView(facts.projects[name]), uses };
    });
  return [...views.filter((v) => v.uses.length), ...views.filter((v) => !v.uses.length)];
}

/** The changed names whose use in a dependent the plan names: enough to say where to look. */
const MAX_USES = 2;

/** The `@nx/enforce-module-boundaries` rules whose source tags a touched project carries, as one line. */
function applicableConstraints(project: ProjectFact, constraints: DepConstraint[]): string[] {
  const rules = constraints
    .filter((c) => (c.sourceTag && (c.sourceTag === '*' || project.tags.includes(c.sourceTag))) || c.allSourceTags?.every((t) => project.tags.includes(t)))
    .flatMap((c) => {
      const source = `\`${c.sourceTag ?? c.allSourceTags!.join(' + ')}\``;
      return [
        c.onlyDependOnLibsWithTags?.length ? `as ${source} only on ${c.onlyDependOnLibsWithTags.map((t) => `\`${t}\``).join(', ')}` : '',
        c.notDependOnLibsWithTags?.length ? `as ${source} never on ${c.notDependOnLibsWithTags.map((t) => `\`${t}\``).join(', ')}` : '',
      ].filter(Boolean);
    });
  return rules.length ? [`\`${project.name}\` may depend ${rules.join('; ')}`] : [];
}

/**
 * The files the change is about: those the work items change (not the specs), then the code they reuse, each
 * with its key symbols and why it is here. Not the context's whole ranking: a file only related by words is
 * for the model's context, not the plan's architecture.
 */
function componentsOf(items: WorkItem[], plan: ChangePlan, context: ContextPack, code: CodeMap): Component[] {
  const ranked = new Map(context.files.map((f) => [f.path, f]));
  const why = new Map<string, string>();
  const changedBy = new Map<string, string>();
  for (const item of items) {
    for (const path of item.files) {
      if (item.creates?.includes(path) || item.area === 'testing' || why.has(path)) continue;
      why.set(path, `changed by ${item.id}`);
      changedBy.set(path, item.id);
    }
  }
  for (const use of plan.reuse) if (!why.has(use.path)) why.set(use.path, `reused as is: \`${use.name}\` (${use.requirements.join(', ')})`);
  for (const { path, requirement } of plan.read) {
    const found = requirement ? `read for ${requirement}: found close to it` : 'read: found for the text as a whole, close to no one requirement';
    if (!why.has(path)) why.set(path, `${found}, not planned as a change`);
  }
  // The declarations the plan names in a file (`TaxOptions` in "Change `TaxOptions` in …", a reused name) lead its
  // symbols: the components then show what the checklist changes, not the first names the text matched.
  const namedIn = (path: string) =>
    new Set([
      ...items.filter((i) => i.files.includes(path)).flatMap((i) => [...i.title.matchAll(/`([A-Za-z_$][\w$]*)/g)].map(([, name]) => name)),
      ...plan.reuse.filter((r) => r.path === path).map((r) => r.name),
    ]);
  return [...why].flatMap(([path, reason]) => {
    const file = code.index.files.get(path);
    if (!file) return [];
    const named = namedIn(path);
    const found = ranked.get(path)?.symbols ?? exportedSymbols(file).slice(0, 4);
    const symbols = [...file.symbols.filter((s) => named.has(s.name)), ...found.filter((s) => !named.has(s.name))];
    const by = changedBy.get(path);
    return [
      { path, project: file.project, role: file.role, score: ranked.get(path)?.score ?? 0, why: reason, symbols, tokens: 0, ...(by ? { changedBy: by } : {}) },
    ];
  });
}

/** Libraries the touched projects already depend on (or whose code the inputs reuse) and that the plan does not change. */
function reusableLibraries(touched: string[], plan: ChangePlan, facts: WorkspaceFacts, context: ContextPack): Architecture['reuse'] {
  const reusedIn = new Map<string, string[]>();
  for (const use of plan.reuse) {
    const project = Object.values(facts.projects).find((p) => p.root && use.path.startsWith(`${p.root}/`));
    if (project) reusedIn.set(project.name, [...(reusedIn.get(project.name) ?? []), use.name]);
  }
  const candidates = new Set([...reusedIn.keys(), ...touched.flatMap((n) => facts.projects[n].dependencies)]);
  return [...candidates]
    .map((name) => facts.projects[name])
    .filter((p) => p && p.type === 'library' && !touched.includes(p.name))
    .map((p) => {
      const exports = reusedIn.get(p.name) ?? context.files.filter((f) => f.project === p.name).flatMap((f) => exportedSymbols(f).map((s) => s.name));
      const users = touched.filter((n) => facts.projects[n].dependencies.includes(p.name));
      const why = users.length
        ? `already a dependency of ${users.map((u) => `\`${u}\``).join(', ')}`
        : `ranked relevant: ${context.projects.find((r) => r.name === p.name)?.why ?? 'matches the inputs'}`;
      return { project: p.name, importPath: p.importPath, why, exports: [...new Set(exports)].slice(0, 6) };
    })
    .slice(0, 5);
}

/**
 * Decisions that follow from the inputs read against the workspace: the guard rails the inputs set (what must
 * not be used), what is reused as it is, where new code goes, and the module-boundary rules that bind.
 */
export function technicalDecisions(architecture: Architecture, items: WorkItem[], plan: ChangePlan, facts: WorkspaceFacts): Decision[] {
  const decisions: Decision[] = [];
  const avoided = new Map<string, { path?: string; ids: string[] }>();
  for (const { name, path, requirement } of plan.avoid) {
    const entry = avoided.get(name) ?? { path, ids: [] };
    entry.ids.push(requirement.id);
    avoided.set(name, entry);
  }
  for (const [name, { path, ids }] of avoided) {
    decisions.push({
      title: `Do not use \`${name}\``,
      rationale: `${ids.join(', ')} ${ids.length === 1 ? 'forbids' : 'forbid'} it${path ? ` (it lives in \`${path}\`)` : ''}; reviewers should reject a change that reaches for it.`,
    });
  }
  // Named, not pathed: the plan's existing files are the ones it changes or uses.
  for (const { name, nonGoal } of plan.outOfScope) {
    decisions.push({ title: `Leave \`${name}\` as it is`, rationale: `A non-goal excludes it: "${nonGoal.text}" (${nonGoal.source}).` });
  }
  for (const lib of architecture.reuse.filter((l) => plan.reuse.some((r) => l.exports.includes(r.name))).slice(0, 3)) {
    const names = plan.reuse.filter((r) => lib.exports.includes(r.name));
    decisions.push({
      title: `Reuse ${names.map((r) => `\`${r.name}\``).join(', ')} from \`${lib.importPath ?? lib.project}\``,
      rationale: `The inputs ask for the existing behaviour (${[...new Set(names.flatMap((r) => r.requirements))].join(', ')}); reusing it keeps one implementation.`,
    });
  }
  decisions.push(...qualityDecisions(items));
  const created = items.filter((i) => i.creates?.length && i.area !== 'testing');
  if (created.length > 0) {
    decisions.push({
      title: 'Add new files beside their siblings, inside existing projects',
      rationale: `${created.map((i) => `\`${posixBase(i.creates![0])}\``).join(', ')} ${created.length === 1 ? 'follows' : 'follow'} the naming and placement of the files next to ${created.length === 1 ? 'it' : 'them'}, so no new project, tag or boundary rule is needed.`,
    });
  }
  const affected = architecture.touched[0];
  const changed = items.filter((i) => i.files.length > 0 && !i.creates?.length && i.area !== 'testing');
  if (changed.length > 0) {
    decisions.push({
      title: `Extend the existing code of \`${affected.name}\` and its neighbours`,
      rationale: `${changed.length} work item(s) change existing files (${[...new Set(changed.map((i) => `\`${i.files[0]}\``))].slice(0, 3).join(', ')}), following the patterns already there.`,
    });
  }
  if (architecture.constraints.length > 0 && facts.boundaries.source) {
    decisions.push({
      title: 'Keep within the module boundaries',
      rationale: `\`${facts.boundaries.source}\` enforces tag rules on the touched projects; new imports go only where those rules allow (see Architecture Overview).`,
    });
  }
  return decisions;
}

/**
 * Each non-functional requirement (performance, privacy, accessibility, limits, observability) is a decision
 * the design must keep, carried by the items whose code has to meet it.
 */
function qualityDecisions(items: WorkItem[]): Decision[] {
  const carried = new Map<string, { text: string; source: string; items: WorkItem[] }>();
  for (const item of items.filter((i) => i.area !== 'testing')) {
    for (const requirement of item.requirements.filter((r) => r.kind === 'nonfunctional')) {
      const entry = carried.get(requirement.id) ?? { text: requirement.text, source: requirement.source, items: [] };
      entry.items.push(item);
      carried.set(requirement.id, entry);
    }
  }
  return [...carried].map(([id, { text, source, items: by }]) => {
    const [, label, rest] = /^([A-Z][\w ,&/-]{2,40}):\s*(.+)$/s.exec(text) ?? [undefined, undefined, text];
    const created = new Set(by.flatMap((i) => i.creates ?? []));
    const files = [...new Set(by.flatMap((i) => i.files))].map((f) => `\`${f}\`${created.has(f) ? ' (new)' : ''}`);
    const carriers = files.length ? `${by.map((i) => i.id).join(', ')} (${files.slice(0, 3).join(', ')})` : by.map((i) => i.id).join(', ');
    return {
      title: `${id}${label ? ` ${label}` : ''}`,
      rationale: `${capitalised(firstSentenceOf(rest ?? text))} (${source}). Carried by ${carriers}, and checked by their tests.`,
    };
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function firstSentenceOf(text: string): string {
  const first = text.split(/(?<=[.!?])\s+/)[0].replace(/[.]+$/, '');
  return first.length > 160 ? `${first.slice(0, 157).replace(/\s+\S*$/, '')}…` : first;
}

function posixBase(path: string): string {
  return path.split('/').pop() ?? path;
}

/** Risks the workspace shows: wide blast radius, boundary pressure, new code without a pattern. */
export function workspaceRisks(architecture: Architecture, items: WorkItem[], facts: WorkspaceFacts): Risk[] {
  const risks: Risk[] = [];
  for (const touched of architecture.touched) {
    const dependents = facts.projects[touched.name].dependents;
    if (touched.type === 'library' && dependents.length > 0) {
      risks.push({
        risk: `Changing \`${touched.name}\` affects its ${dependents.length} dependent project(s): ${dependents.map((d) => `\`${d}\``).join(', ')}.`,
        mitigation: `Keep its exported API backward compatible and run \`nx affected -t test\` before merging.`,
      });
    }
  }
  const sides = new Set(architecture.touched.map((t) => t.side));
  if (sides.has('frontend') && sides.has('backend')) {
    risks.push({
      risk: 'The backend and frontend change together; a contract mismatch breaks the flow at runtime.',
      mitigation: 'Define the shared request/response types first and have both sides import them.',
    });
  }
  const unplaced = items.filter((i) => i.files.length === 0).length;
  if (unplaced > 0) {
    risks.push({
      risk: `${unplaced} work item(s) could not be tied to a file from the inputs alone.`,
      mitigation: 'Settle where they live (see Open Questions) before building them.',
    });
  }
  return risks;
}
