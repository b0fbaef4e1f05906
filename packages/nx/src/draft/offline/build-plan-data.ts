import type { CodeIndex } from '../../code/types';
import type { ContextPack } from '../../context/types';
import type { FileSource } from '../../utils/file-source';
import type { FeatureInput } from '../../inputs/feature-inputs';
import type { PlanTemplate } from '../../templates/template';
import { ownersOf } from '../../workspace/owners';
import type { WorkspaceFacts } from '../../workspace/types';
import { splitWords as keywords, stem } from '../../code/words';
import type { Alternative, Area, ChangeSize, Phase, PlanData, Requirement, Sourced, Testing, WorkItem } from '../../templates/plan-data';
import { describeArchitecture, projectView, technicalDecisions, workspaceRisks } from './architecture';
import { areaOf, keepsBehaviour } from './classify';
import { extractInputFacts, type InputFacts } from './extract-inputs';
import { CodeMap, exportedSymbols } from './code-map';
import { AREA_ORDER, planWorkItems } from './work-items';

export interface OfflineDraftRequest {
  template: PlanTemplate;
  inputs: FeatureInput[];
  facts: WorkspaceFacts;
  context: ContextPack;
  /** The whole workspace's code index: the drafter resolves every name the inputs mention against it. */
  index: CodeIndex;
  feature: string;
  drafter: string;
  /** ISO time the plan is made at (passed in so drafts are reproducible). */
  now: string;
}

const AREA_TITLES: Record<string, string> = { backend: 'Backend', frontend: 'Frontend', shared: 'Shared Code', security: 'Security', testing: 'Testing' };

/** Drafts the plan data from the inputs and the workspace, deterministically. */
export async function buildPlanData(request: OfflineDraftRequest, source: FileSource): Promise<PlanData> {
  const { template, inputs, facts, context } = request;
  const allowed = forbiddenFilter(template);
  const found = await extractInputFacts(inputs.filter((i) => i.kind !== 'task'));
  const task = inputs.find((i) => i.kind === 'task');
  const taskFacts = task ? await extractInputFacts([task]) : undefined;
  const scoped = taskFacts ?? found;
  const affected = facts.projects[context.affected.name];
  const code = new CodeMap(request.index, facts, source, context.featureTests);
  const requirements = collectRequirements(scoped, inputs, code.sideOf(affected)).filter((r) => allowed(r.text));
  const { items: tasks, plan } = planWorkItems(
    requirements,
    scoped.acceptance.filter((a) => allowed(a.text)),
    facts,
    affected,
    code,
    context.files,
    scoped.nonGoals.filter((n) => allowed(n.text)),
  );
  const architecture = describeArchitecture(tasks, plan, facts, context, code);
  const size = changeSize(tasks, requirements, facts, context);
  const title = shortTitle(taskFacts?.title ?? found.title ?? firstSentence(inputs.find((i) => i.kind !== 'constitution')?.text ?? request.feature));
  const keep = (list: Sourced[]) => list.filter((s) => allowed(s.text));
  const contracts = contractsOf(tasks, code);
  return {
    feature: { id: request.feature, title, branch: `feature/${request.feature}` },
    created: request.now.slice(0, 10),
    drafter: request.drafter,
    project: projectView(affected),
    inputs: inputs.map(({ kind, origin }) => ({ kind, origin })),
    summary: [statedSummary(scoped, inputs, allowed), whereItLands(contracts, code)].filter(Boolean).join(' '),
    problem: joinTexts(keep(scoped.problem).slice(0, 2)) || joinTexts(keep(scoped.jobs).slice(0, 1)) || statedSummary(scoped, inputs, allowed),
    solution:
      joinTexts(keep(scoped.solution).slice(0, 2)) ||
      solutionOf(
        tasks,
        architecture.touched.map((t) => t.name),
      ),
    goals: keep(scoped.goals),
    nonGoals: keep(scoped.nonGoals),
    assumptions: keep(scoped.assumptions),
    openQuestions: [...keep(scoped.openQuestions), ...plan.questions.map((text) => ({ text, source: 'workspace' }))],
    successCriteria: keep([...scoped.metrics, ...scoped.acceptance, ...(scoped.metrics.length + scoped.acceptance.length === 0 ? scoped.goals : [])]),
    requirements,
    areas: AREA_ORDER.map((id): Area => ({ id, title: AREA_TITLES[id], items: tasks.filter((t) => t.area === id) })),
    tasks,
    architecture,
    decisions: technicalDecisions(architecture, tasks, plan, facts),
    testing: testingOf(tasks, facts),
    risks: [
      ...keep(scoped.risks).map((r) => ({ risk: `${r.text} (${r.source})`, mitigation: mitigationFor(r.text, tasks) })),
      ...workspaceRisks(architecture, tasks, facts),
    ],
    size,
    phases: phasesOf(tasks, size),
    owners: [...new Set(tasks.flatMap((t) => t.files))].map((path) => ({ path, owners: ownersOf(facts.owners, path) })).filter((o) => o.owners.length > 0),
    constitution: found.principles.map((p) => ({
      title: p.title,
      text: p.text,
      howMet: howPrincipleIsMet(`${p.title} ${p.text}`, tasks, architecture.constraints.length > 0),
    })),
    ...(task ? { task: { title, text: task.text.trim(), origin: task.origin } } : {}),
    alternatives: alternativesFor(tasks, architecture.touched[0].name, affected.sourceRoot),
    contracts,
    edgeCases: keep([...scoped.edgeCases, ...scoped.nonFunctional.filter((n) => /error|fail|empty|large|limit|timeout|invalid/i.test(n.text))]),
    dataModel: architecture.components
      .filter((f) => ['entity', 'model', 'dto'].includes(f.role) || f.symbols.some((s) => s.decorators.some((d) => d.startsWith('@Entity'))))
      .flatMap((f) => exportedSymbols(f).map((symbol) => ({ path: f.path, symbol })))
      .slice(0, 6),
    // What ships is built and checked; a `serve`/`dev` target runs the code locally and is never a release step.
    release: architecture.touched.flatMap((t) =>
      facts.projects[t.name].targets.filter((target) => ['build', 'e2e'].includes(target.kind)).map((target) => ({ project: t.name, target })),
    ),
  };
}

/** Requirements in reading order: stories and jobs, stated requirements, then non-functional ones. */
function collectRequirements(found: InputFacts, inputs: FeatureInput[], fallbackArea: ReturnType<CodeMap['sideOf']>): Requirement[] {
  const sourced: Array<[Sourced, Requirement['kind']]> = [
    ...found.stories.map((s): [Sourced, Requirement['kind']] => [s, 'story']),
    ...found.requirements.map((s): [Sourced, Requirement['kind']] => [s, 'requirement']),
    ...found.nonFunctional.map((s): [Sourced, Requirement['kind']] => [s, 'nonfunctional']),
  ];
  if (sourced.length === 0) sourced.push(...found.jobs.map((s): [Sourced, Requirement['kind']] => [s, 'job']));
  if (sourced.length === 0) {
    // A free-text description or task: each sentence that asks for something is a requirement.
    for (const input of inputs.filter((i) => i.kind === 'description' || i.kind === 'task')) {
      sentences(input.text).forEach((text, i) =>
        sourced.push([{ text, source: `${input.origin === 'description' ? '--description' : input.origin}#${i + 1}` }, 'requirement']),
      );
    }
  }
  const taken = new Set<string>();
  const placeInSection = new Map<string, number>();
  /** Per section, the id of the last item at each nesting depth: what a nested item's id extends. */
  const idsAtDepth = new Map<string, string[]>();
  return dedupe(sourced).map(([s, kind], i) => {
    const { label, text } = splitLabel(s.text);
    const nested = Boolean(s.depth && s.sub);
    const place = s.section && !nested ? (placeInSection.get(s.section) ?? 0) + 1 : 0;
    if (s.section && !nested) placeInSection.set(s.section, place);
    const parents = s.section ? (idsAtDepth.get(s.section) ?? idsAtDepth.set(s.section, []).get(s.section)!) : [];
    // The input's own name for it: its label (`FR-4`), else its number in its section's numbered list, or its
    // place in the section's plain list, named by the section's initials ("3." under "Functional requirements" →
    // FR3, the second bullet under "User stories" → US2: a reader finds it there); an item of a list nested in
    // one of those, that one's and its own place (the first bullet under FR2 → FR2.1, and the next "3." is still
    // FR3); else its place among the requirements.
    const inSection = !s.section
      ? undefined
      : nested
        ? parents[s.depth! - 1] && `${parents[s.depth! - 1]}.${s.sub}`
        : `${initials(s.section)}${s.ordinal ?? place}`;
    const named = [label, inSection].find((candidate) => candidate && !taken.has(candidate));
    let id = named ?? `R${i + 1}`;
    for (let n = i + 2; taken.has(id); n++) id = `R${n}`;
    taken.add(id);
    if (s.section) parents.splice(s.depth ?? 0, Infinity, id);
    return {
      text,
      source: s.source,
      ...(s.section ? { section: s.section } : {}),
      id,
      kind,
      area: areaOf(text, fallbackArea),
      ...(keepsBehaviour(text) ? { keeps: true } : {}),
    };
  });
}

/** "Functional requirements" → FR, "6. Acceptance criteria" → AC. */
function initials(heading: string): string {
  return (heading.match(/[A-Za-z]+/g) ?? ['R']).map((word) => word[0].toUpperCase()).join('');
}

/** "FR-4 The route must…" / "**US-1**: As a…" → the input's own id and the requirement's text. */
function splitLabel(text: string): { label?: string; text: string } {
  const match = /^\**([A-Z]{1,5}-?\d+(?:\.\d+)?)\**[:.)]?\s+(.+)$/s.exec(text);
  return match ? { label: match[1], text: match[2].replace(/^\*\*[^*]+:\*\*\s*/, '') } : { text };
}

function dedupe<T extends [Sourced, unknown]>(entries: T[]): T[] {
  const seen = new Set<string>();
  return entries.filter(([s]) => {
    const key = keywords(s.text).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function sentences(text: string): string[] {
  return text
    .replace(/^#.*$/gm, '')
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/^[-*\d.)\s]+/, '').trim())
    .filter((s) => s.split(/\s+/).length >= 3);
}

/** A title of at most 120 characters: the text before its first colon when that is long enough, else cut at a word. */
function shortTitle(text: string): string {
  const clean = text.trim().replace(/[.,;:!]+$/u, '');
  if (clean.length <= 120) return clean;
  const head = clean.split(/:\s/)[0];
  if (head.length >= 20 && head.length <= 120) return head;
  return `${clean.slice(0, 117).replace(/\s+\S*$/, '')}…`;
}

function firstSentence(text: string): string {
  return sentences(text)[0] ?? text.trim().split('\n')[0];
}

function joinTexts(list: Sourced[]): string {
  return list.map((s) => s.text).join(' ');
}

/**
 * What the feature is to achieve, in the inputs' words: the first two sentences of their own summary or solution,
 * else their first two goals (what is to be true, not why: the problem has its own section), else the problem or
 * the first prose. Not a glossary entry (`Owner — who approves`), nor the lead-in to a list ("This creates real
 * problems:"), which say nothing alone.
 */
function statedSummary(found: InputFacts, inputs: FeatureInput[], allowed: (text: string) => boolean): string {
  const saysSomething = (s: Sourced) => allowed(s.text) && !/^\S+(\s\S+){0,3} — /.test(s.text) && !/:\s*$/.test(s.text);
  const first = [...found.summary, ...found.solution].find(saysSomething);
  if (first) return sentences(first.text).slice(0, 2).join(' ') || first.text;
  const goals = found.goals.filter(saysSomething).slice(0, 2);
  // A goal's own id ("G1:") means nothing outside the inputs' list.
  if (goals.length > 0) return goals.map((goal) => asSentence(goal.text.replace(/^[A-Z]{1,3}-?\d+[:.)]\s*/, ''))).join(' ');
  const other = [...found.problem, ...found.jobs, ...found.all].find(saysSomething);
  if (other) return sentences(other.text).slice(0, 2).join(' ') || other.text;
  return inputs.map((i) => firstSentence(i.text)).find(allowed) ?? 'The inputs give no summary beyond the requirements below.';
}

/**
 * Where the work lands, for a summary written from the code's side: the declarations the plan changes (its
 * first few), by project. Nothing when the plan names none (the open questions say what to settle).
 */
function whereItLands(contracts: PlanData['contracts'], code: CodeMap): string {
  const byProject = new Map<string, string[]>();
  for (const { path, symbol } of contracts.slice(0, 4)) {
    const project = code.file(path)?.project ?? path;
    const names = byProject.get(project) ?? [];
    if (!names.includes(`\`${symbol.name}\``)) byProject.set(project, [...names, `\`${symbol.name}\``]);
  }
  const parts = [...byProject].map(([project, names]) => `${listed(names)} in \`${project}\``);
  return parts.length ? `The plan changes ${listed(parts)}.` : '';
}

function listed(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function solutionOf(tasks: WorkItem[], touched: string[]): string {
  const building = tasks.filter((t) => t.area !== 'testing');
  const created = building.filter((t) => t.creates?.length).length;
  const unplaced = building.filter((t) => t.files.length === 0).length;
  const extended = building.length - created - unplaced;
  const parts = [
    `${extended} extend existing files`,
    created ? `${created} add new files beside their siblings` : '',
    unplaced ? `${unplaced} still need a place (see the open questions)` : '',
  ].filter(Boolean);
  return `Deliver ${building.length} work item(s) across ${touched.map((t) => `\`${t}\``).join(', ')}, then their tests: ${parts.join(', ')}.`;
}

/** Template-forbidden content never enters a plan: an input line that matches is left out. */
function forbiddenFilter(template: PlanTemplate): (text: string) => boolean {
  const patterns = template.forbidden.map((f) => new RegExp(f.pattern, 'iu'));
  return (text) => !patterns.some((pattern) => pattern.test(text));
}

function mitigationFor(risk: string, tasks: WorkItem[]): string {
  const words = new Set(keywords(risk));
  const related = tasks.find((t) => keywords(t.title).some((w) => words.has(w)));
  return related ? `Covered by ${related.id}; verify it against this risk in review.` : 'Raise in review: no work item addresses it directly yet.';
}

/** The existing signatures the work items change: the symbol each item names in the file it changes. */
function contractsOf(tasks: WorkItem[], code: CodeMap): PlanData['contracts'] {
  const contracts: PlanData['contracts'] = [];
  for (const task of tasks.filter((t) => t.area !== 'testing')) {
    if (task.adds) {
      const { name, sibling } = task.adds;
      const signature = sibling.signature.replace(new RegExp(`\\b${sibling.name}\\b`), name);
      contracts.push({ path: task.files[0], symbol: { ...sibling, name, signature, members: [], doc: undefined }, proposed: sibling.name });
      continue;
    }
    for (const path of task.files.filter((f) => !task.creates?.includes(f))) {
      const file = code.index.files.get(path);
      const named = file?.symbols.find((s) => s.exported && new RegExp(`\`${s.name}[\`.(]`).test(task.title));
      if (file && named && !contracts.some((c) => c.path === path && c.symbol.name === named.name)) contracts.push({ path, symbol: named });
    }
  }
  return contracts.slice(0, 8);
}

function testingOf(tasks: WorkItem[], facts: WorkspaceFacts): Testing {
  const touched = [...new Set(tasks.map((t) => t.project))].map((n) => facts.projects[n]).filter(Boolean);
  const targets = touched.flatMap((p) =>
    p.targets
      .filter((t) => t.kind === 'test' || t.kind === 'e2e')
      .map((t) => ({ project: p.name, target: t.name, command: `nx run ${p.name}:${t.name}`, kind: t.kind })),
  );
  const testing = tasks.filter((t) => t.area === 'testing');
  return {
    targets,
    specs: [...new Set(tasks.filter((t) => t.area === 'testing').flatMap((t) => t.files.filter((f) => !t.creates?.includes(f))))],
    unit: testing.filter((t) => !/end-to-end/.test(t.title)).map((t) => t.title),
    integration: tasks
      .filter((t) => t.area === 'backend' && t.files.some((f) => /controller/.test(f)))
      .map((t) => `Exercise the endpoint changed by ${t.id} through its controller and service together.`),
    e2e: testing.filter((t) => /end-to-end/.test(t.title)).map((t) => t.title),
    security: tasks.filter((t) => t.area === 'security').map((t) => `Verify ${t.id} rejects callers without the required permission.`),
  };
}

/**
 * Size from the work items' real kinds: existing files changed, new files, projects, and how many dependent
 * projects a changed library has. The day range is a rule of thumb over that size, and says so.
 */
function changeSize(tasks: WorkItem[], requirements: Requirement[], facts: WorkspaceFacts, context: ContextPack): ChangeSize {
  const building = tasks.filter((t) => t.area !== 'testing');
  const created = new Set(tasks.flatMap((t) => t.creates ?? []));
  const changed = new Set(building.flatMap((t) => t.files).filter((f) => !created.has(f)));
  const tests = new Set(tasks.filter((t) => t.area === 'testing').flatMap((t) => t.files));
  const projects = new Set(tasks.map((t) => t.project));
  // The affected project's dependents as the plan lists them (the Nx graph and the code's imports, see `neighbours`).
  const dependentsOf = (name: string) => (name === context.affected.name ? context.neighbours.dependents : facts.projects[name].dependents);
  const dependents = new Set([...projects].flatMap((p) => (facts.projects[p]?.type === 'library' ? dependentsOf(p) : [])));
  const unplaced = building.filter((t) => t.files.length === 0).length;
  const publicApi = context.files.filter((f) => changed.has(f.path)).reduce((n, f) => n + exportedSymbols(f).length, 0);
  const points = changed.size + 1.5 * created.size + 0.5 * tests.size + projects.size + dependents.size + 2 * unplaced;
  const label = points <= 8 ? 'small' : points <= 20 ? 'medium' : 'large';
  const min = Math.max(1, Math.round(points / 4));
  return {
    projects: projects.size,
    files: changed.size + created.size,
    publicApi,
    requirements: requirements.length,
    label,
    days: [min, Math.max(min + 1, Math.round(points / 2.5))],
    basis: `derived from the work items — ${changed.size} existing file(s) to change, ${created.size} new file(s), ${tests.size} spec(s), ${projects.size} project(s), ${dependents.size} dependent project(s) of changed libraries${unplaced ? `, ${unplaced} item(s) still to place` : ''} — at roughly one day per three units; not a commitment`,
  };
}

/**
 * Three phases by what the items build on: shared code and data shapes first, then the behaviour, then the
 * access rules and the end-to-end scenario. A spec is written with the code it covers (test first), in the
 * same phase, never left for the end.
 */
function phasesOf(tasks: WorkItem[], size: ChangeSize): Phase[] {
  const [min, max] = size.days;
  const split = (share: number): [number, number] => [Math.max(1, Math.round(min * share)), Math.max(1, Math.round(max * share))];
  const isSpec = (t: WorkItem) => t.area === 'testing' && t.files.length > 0 && !/end-to-end/.test(t.title);
  const code = tasks.filter((t) => !isSpec(t));
  const foundation = code.filter((t) => t.area === 'shared' || (t.area === 'backend' && t.files.some((f) => /entity|model|dto|types?/.test(f))));
  const hardening = code.filter((t) => t.area === 'security' || t.area === 'testing');
  const core = code.filter((t) => !foundation.includes(t) && !hardening.includes(t));
  const phaseOfSpec = (spec: WorkItem) => {
    const covered = tasks.filter((t) => spec.dependsOn.includes(t.id));
    if (covered.some((t) => hardening.includes(t))) return hardening;
    if (covered.some((t) => core.includes(t))) return core;
    return covered.length ? foundation : core;
  };
  for (const spec of tasks.filter(isSpec)) phaseOfSpec(spec).push(spec);
  const byId = (a: WorkItem, b: WorkItem) => a.id.localeCompare(b.id);
  return [
    {
      name: 'Foundation',
      goal: 'Contracts, data model and shared code the rest builds on, each with its spec written first.',
      items: foundation.sort(byId),
      days: split(0.25),
    },
    { name: 'Core feature', goal: 'The backend and frontend behaviour the requirements ask for, test first.', items: core.sort(byId), days: split(0.5) },
    {
      name: 'Hardening',
      goal: 'Access rules, the end-to-end scenario and the checks that make it safe to merge.',
      items: hardening.sort(byId),
      days: split(0.25),
    },
  ];
}

/** How the plan meets a constitution principle, judged from the principle's own words. */
function howPrincipleIsMet(principle: string, tasks: WorkItem[], hasBoundaries: boolean): string {
  const words = new Set(keywords(principle).map(stem));
  const has = (...candidates: string[]) => candidates.some((c) => words.has(stem(c)));
  const ids = (filter: (t: WorkItem) => boolean) =>
    tasks
      .filter(filter)
      .map((t) => t.id)
      .join(', ') || 'none yet';
  if (has('test', 'tdd', 'coverage'))
    return `Testing tasks ${ids((t) => t.area === 'testing')} add specs beside the changed code and run the projects' test targets.`;
  if (has('security', 'rbac', 'permission', 'auth', 'privacy'))
    return `Security tasks ${ids((t) => t.area === 'security')} cover permissions; review every new endpoint against them.`;
  if (has('library', 'reuse', 'modular', 'boundary', 'boundaries', 'module')) {
    return hasBoundaries
      ? 'Work stays inside existing projects and respects the module-boundary rules listed in the plan.'
      : 'Work stays inside existing projects and reuses their libraries.';
  }
  if (has('document', 'docs', 'readme'))
    return 'Document the new behaviour beside the changed modules (doc comments on exported symbols and the project README).';
  if (has('observ', 'logging', 'log', 'metric', 'monitor', 'trace'))
    return 'Log and measure the new paths with the logger and metrics the touched services already use.';
  if (has('simple', 'simplicity', 'yagni')) return `The plan extends existing code (${ids((t) => t.files.length > 0)}) instead of adding projects.`;
  return 'No task conflicts with this principle; check it explicitly at review.';
}

function alternativesFor(tasks: WorkItem[], affected: string, sourceRoot: string): Alternative[] {
  const existing = tasks.filter((t) => t.area !== 'testing' && t.files.length > 0 && !t.creates?.length);
  const files = new Set(existing.flatMap((t) => t.files)).size;
  const extend: Alternative = {
    name: `Extend the existing modules of \`${affected}\``,
    summary: `Change the ${files} existing file(s) the work items map to and add new files beside them.`,
    pros: ['Follows patterns already reviewed and tested', 'No new project, tags or boundary rules'],
    cons: ['Grows existing modules; watch their size'],
    selected: existing.length >= tasks.filter((t) => t.area !== 'testing').length / 2,
  };
  const module: Alternative = {
    name: `A new feature module under \`${sourceRoot}\``,
    summary: 'Put the new behaviour in its own folder with its own entry points, wired into the existing module.',
    pros: ['Keeps the new code isolated and easy to delete'],
    cons: ['Duplicates wiring that the existing modules already have'],
    selected: !extend.selected,
  };
  const library: Alternative = {
    name: 'A new workspace library',
    summary: 'Generate a library for the feature and import it from the application.',
    pros: ['Reusable by other applications', 'Cached and tested on its own'],
    cons: ['New tags and boundary rules to maintain', 'More than one task needs'],
    selected: false,
  };
  return [extend, module, library];
}
