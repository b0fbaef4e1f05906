import { posix } from 'node:path';
import { closestNames } from '../../utils/closest';
import type { ParsedPlan } from '../parse-plan';
import type { PathReference } from '../../plan-file/references';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  missing: (path: string) => `"${path}" does not exist. If the plan creates it, say so: "Create \`${path}\`" or "\`${path}\` (new)".`,
  newOutsideProjects: (path: string) => `New path "${path}" is outside every project: put it under an existing project's root, or generate the project first.`,
};
import type { LintWorkspace } from '../workspace-view';

export const fileExists: Rule = {
  id: 'GP005',
  slug: 'file-exists',
  description:
    'Every backticked or linked path exists, or is marked new (`Create \\`x\\``, `` `x` (new)``, a "Files to create" heading) and sits under an existing project\'s root.',
  defaultSeverity: 'error',
  messages: MESSAGES,
  check(plan, workspace) {
    const reports: RuleReport[] = [];
    const projectRoot = planProjectRoot(plan, workspace);
    for (const ref of plan.references.paths) {
      const path = resolveAgainst(ref.path, projectRoot, workspace);
      if (workspace.source.exists(path)) continue;
      // `read/write` and `text/csv` start nowhere in the workspace: prose, not a path.
      if (ref.shape === 'unknown' && path === ref.path && !workspace.source.exists(firstSegment(path))) continue;
      if (ref.isNew) {
        if (!workspace.projectOfPath(path)) reports.push(outsideProjects(ref, workspace));
        continue;
      }
      reports.push({
        line: ref.line,
        column: ref.column,
        ...say(MESSAGES, 'missing', ref.path),
        suggestion: nearestPath(path, workspace),
      });
    }
    return reports;
  },
};

/**
 * Plans may name files relative to their own project (`src/app/...`): a path whose first folder is not at
 * the workspace root but is in the project's root is read from there.
 */
export function resolveAgainst(path: string, projectRoot: string | undefined, workspace: LintWorkspace): string {
  if (!projectRoot || workspace.source.exists(firstSegment(path))) return path;
  const inProject = posix.join(projectRoot, path);
  return workspace.source.exists(posix.join(projectRoot, firstSegment(path))) ? inProject : path;
}

function firstSegment(path: string): string {
  return path.split('/')[0];
}

/** The root of the plan's own project: its frontmatter's project, else the project holding the plan. */
export function planProjectRoot(plan: ParsedPlan, workspace: LintWorkspace): string | undefined {
  const named = plan.frontmatter?.provenance?.project;
  const project = (typeof named === 'string' ? workspace.findProject(named) : undefined) ?? (plan.path ? workspace.projectOfPath(plan.path) : undefined);
  return project?.root || undefined;
}

function outsideProjects(ref: PathReference, workspace: LintWorkspace): RuleReport {
  const roots = Object.values(workspace.facts.projects).map((project) => project.root);
  const firstTwo = ref.path.split('/').slice(0, 2).join('/');
  return {
    line: ref.line,
    column: ref.column,
    ...say(MESSAGES, 'newOutsideProjects', ref.path),
    suggestion: closestNames(firstTwo, roots, 1)[0],
  };
}

/**
 * The existing path nearest to a missing one: each segment is matched against its folder's entries (the
 * usual typo), else a file of the same name elsewhere in the code index (the usual move).
 */
function nearestPath(path: string, workspace: LintWorkspace): string | undefined {
  let dir = '';
  for (const segment of path.split('/')) {
    const entries = workspace.source.list(dir);
    const next = entries.includes(segment) ? segment : closestNames(segment, entries, 1)[0];
    if (!next) {
      dir = '';
      break;
    }
    dir = dir ? `${dir}/${next}` : next;
  }
  if (dir && dir !== path) return dir;
  const name = posix.basename(path);
  return [...(workspace.code?.files.keys() ?? [])].find((file) => posix.basename(file) === name);
}
