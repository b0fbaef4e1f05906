import { closestNames } from '../../utils/closest';
import type { ProjectReference } from '../../plan-file/references';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  unknown: (name: string) => `No project "${name}" in the workspace.`,
};
import type { LintWorkspace } from '../workspace-view';

export const projectExists: Rule = {
  id: 'GP006',
  slug: 'project-exists',
  description: 'Every project the plan names (`the \\`api\\` project`, `@scope/lib`, frontmatter `project`) is in the project graph.',
  defaultSeverity: 'error',
  messages: MESSAGES,
  check(plan, workspace) {
    const reports: RuleReport[] = [];
    for (const ref of plan.references.projects) {
      if (workspace.findProject(ref.name) || !claimsWorkspaceProject(ref, workspace)) continue;
      const projects = Object.values(workspace.facts.projects);
      const names = ref.via === 'import-path' ? projects.flatMap((p) => (p.importPath ? [p.importPath] : [])) : projects.map((p) => p.name);
      reports.push({ line: ref.line, column: ref.column, ...say(MESSAGES, 'unknown', ref.name), suggestion: closestNames(ref.name, names, 1)[0] });
    }
    return reports;
  },
};

/**
 * `the \`zod\` library` names an npm package, and `@nestjs/common` is not ours: only an import path in one
 * of the workspace's own scopes (`@shop/...`) claims to be a workspace project.
 */
function claimsWorkspaceProject(ref: ProjectReference, workspace: LintWorkspace): boolean {
  if (workspace.isPackage(ref.name)) return false;
  if (ref.via !== 'import-path') return true;
  const scope = ref.name.split('/')[0];
  return Object.values(workspace.facts.projects).some((project) => project.importPath?.startsWith(`${scope}/`));
}
