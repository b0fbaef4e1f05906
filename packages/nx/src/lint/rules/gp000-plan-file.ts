import { closestNames } from '../../utils/closest';
import type { Rule, RuleReport } from '../types';

/**
 * Problems with the plan file itself. Not in the design's rule table: they stop the other rules from
 * knowing what to check, so they are reported under their own id rather than as a crash.
 */
export const planFile: Rule = {
  id: 'GP000',
  slug: 'plan-file',
  description:
    'The plan can be read: not empty, valid YAML frontmatter naming a known template (or `--template`), inside a project.',
  defaultSeverity: 'error',
  check(plan, workspace) {
    if (plan.text.trim() === '') {
      return [{ line: 1, column: 1, message: 'The plan is empty: draft it with `nx g @groundplan/nx:plan` or write its sections.' }];
    }
    const reports: RuleReport[] = [];
    const error = plan.frontmatter?.error;
    if (error) {
      reports.push({ line: error.line, column: error.column, message: `Invalid YAML in the frontmatter: ${error.message}` });
    } else if (plan.templateId === undefined) {
      reports.push({
        line: 1,
        column: 1,
        message:
          'The plan names no template, so its structure (GP001–GP004) was not checked: add frontmatter ' +
          '`groundplan: { template: checklist }` or pass the template (`--template <id>`, executor option `template`).',
      });
    } else if (!plan.template) {
      reports.push({
        ...(plan.frontmatter?.fieldLines.get('template') ?? { line: 1, column: 1 }),
        message: `Unknown template "${plan.templateId}". Known templates: ${plan.knownTemplates.join(', ') || 'none'}.`,
        suggestion: closestNames(plan.templateId, plan.knownTemplates, 1)[0],
      });
    }
    if (plan.path !== undefined && !workspace.projectOfPath(plan.path)) {
      reports.push({
        line: 1,
        column: 1,
        message: 'The plan is not inside any project: move it to <projectRoot>/product-development/<feature>/ so that it belongs to the project it plans.',
      });
    }
    return reports;
  },
};
