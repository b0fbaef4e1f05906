import type { DepConstraint, ProjectFact } from '../../workspace/types';
import { say, type Rule, type RuleReport } from '../types';

const dependency = (from: ProjectFact, to: ProjectFact) => `Dependency ${from.name} → ${to.name}`;
export const MESSAGES = {
  notALibrary: (from: ProjectFact, to: ProjectFact) => `${dependency(from, to)}: ${to.name} is an ${to.type}; only libraries can be depended on.`,
  noConstraint: (from: ProjectFact, to: ProjectFact, where: string) =>
    `${dependency(from, to)}: no module-boundary constraint matches ${from.name}'s tags [${from.tags.join(', ')}], so it may depend on nothing${where}.`,
  onlyDependOn: (from: ProjectFact, to: ProjectFact, label: string, only: string[], where: string) =>
    `${dependency(from, to)}: a project tagged "${label}" can only depend on projects tagged ${only.join(', ')}; ${to.name} is tagged [${to.tags.join(', ')}]${where}.`,
  mustNotDependOn: (from: ProjectFact, to: ProjectFact, label: string, not: string[], where: string) =>
    `${dependency(from, to)}: a project tagged "${label}" must not depend on projects tagged ${not.join(', ')}${where}.`,
  cycle: (from: ProjectFact, to: ProjectFact, cycle: string[]) => `${dependency(from, to)}: it would make a cycle: ${[from.name, ...cycle].join(' → ')}.`,
};
type Problem = ReturnType<typeof say>;
import type { LintWorkspace } from '../workspace-view';

export const dependencyRules: Rule = {
  id: 'GP008',
  slug: 'dependency-rules',
  description:
    'A dependency the plan adds ("add a dependency from `a` to `b`", "`a` depends on `b`") breaks no `@nx/enforce-module-boundaries` constraint, targets no application, and makes no cycle.',
  defaultSeverity: 'error',
  messages: MESSAGES,
  check(plan, workspace) {
    const reports: RuleReport[] = [];
    for (const dependency of plan.references.dependencies) {
      const from = resolve(dependency.from, workspace);
      const to = resolve(dependency.to, workspace);
      // Unknown sides are the project rule's to report; an existing dependency adds nothing.
      if (!from || !to || from === to || from.dependencies.includes(to.name)) continue;
      for (const problem of problemsOf(from, to, workspace)) {
        reports.push({ line: dependency.line, column: dependency.column, ...problem });
      }
    }
    return reports;
  },
};

function resolve(side: string, workspace: LintWorkspace): ProjectFact | undefined {
  const path = side.replace(/^\.\//, '').replace(/\/$/, '');
  return workspace.findProject(side) ?? (path.includes('/') ? workspace.projectOfPath(path) : undefined);
}

function problemsOf(from: ProjectFact, to: ProjectFact, workspace: LintWorkspace): Problem[] {
  const problems: Problem[] = [];
  if (to.type !== 'library') problems.push(say(MESSAGES, 'notALibrary', from, to));
  problems.push(...boundaryViolations(from, to, workspace));
  const cycle = pathBetween(to.name, from.name, workspace.facts.projects);
  if (cycle) problems.push(say(MESSAGES, 'cycle', from, to, cycle));
  return problems;
}

/** `@nx/enforce-module-boundaries` semantics over the tags: the rules apply to the source project. */
function boundaryViolations(from: ProjectFact, to: ProjectFact, workspace: LintWorkspace): Problem[] {
  const { constraints, source } = workspace.facts.boundaries;
  if (constraints.length === 0) return [];
  const where = source ? ` (${source})` : '';
  const applicable = constraints.filter((constraint) => appliesTo(constraint, from));
  if (applicable.length === 0) {
    return [say(MESSAGES, 'noConstraint', from, to, where)];
  }
  const problems: Problem[] = [];
  for (const constraint of applicable) {
    const label = constraint.sourceTag ?? constraint.allSourceTags?.join(' + ');
    const only = constraint.onlyDependOnLibsWithTags ?? [];
    if (only.length > 0 && !to.tags.some((tag) => only.some((pattern) => tagMatches(tag, pattern)))) {
      problems.push(say(MESSAGES, 'onlyDependOn', from, to, label ?? '', only, where));
    }
    const not = (constraint.notDependOnLibsWithTags ?? []).filter((pattern) => to.tags.some((tag) => tagMatches(tag, pattern)));
    if (not.length > 0) problems.push(say(MESSAGES, 'mustNotDependOn', from, to, label ?? '', not, where));
  }
  return problems;
}

function appliesTo(constraint: DepConstraint, project: ProjectFact): boolean {
  if (constraint.allSourceTags?.length) return constraint.allSourceTags.every((pattern) => project.tags.some((tag) => tagMatches(tag, pattern)));
  if (constraint.sourceTag === '*') return true;
  return constraint.sourceTag !== undefined && project.tags.some((tag) => tagMatches(tag, constraint.sourceTag!));
}

/** Nx tag patterns: `*`, globs such as `scope:*`, `/regex/`, or the tag itself. */
function tagMatches(tag: string, pattern: string): boolean {
  if (pattern === '*') return true;
  const regex = /^\/(.*)\/([a-z]*)$/.exec(pattern);
  if (regex) return new RegExp(regex[1], regex[2]).test(tag);
  if (pattern.includes('*')) return new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`).test(tag);
  return tag === pattern;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A shortest dependency path from `start` to `goal` (both included), or undefined. */
function pathBetween(start: string, goal: string, projects: Record<string, ProjectFact>): string[] | undefined {
  const cameFrom = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (current === goal) {
      const path = [current];
      for (let step = cameFrom.get(current); step; step = cameFrom.get(step)) path.unshift(step);
      return path;
    }
    for (const next of projects[current]?.dependencies ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, current);
        queue.push(next);
      }
    }
  }
  return undefined;
}
