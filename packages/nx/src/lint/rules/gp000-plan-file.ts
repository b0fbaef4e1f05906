import { closestNames } from '../../utils/closest';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  empty: () => 'The plan is empty: draft it with `nx g @groundplan/nx:plan` or write its sections.',
  invalidYaml: (error: string) => `Invalid YAML in the frontmatter: ${error}`,
  noTemplate: () =>
    'The plan names no template, so its structure (GP001–GP004) was not checked: add frontmatter ' +
    '`groundplan: { template: checklist }` or pass the template (`--template <id>`, executor option `template`).',
  unknownTemplate: (id: string, known: string[]) => `Unknown template "${id}". Known templates: ${known.join(', ') || 'none'}.`,
  outsideProjects: () =>
    'The plan is not inside any project: move it to <projectRoot>/product-development/<feature>/ so that it belongs to the project it plans.',
  /** Too large or nested too deep to parse safely (lint-plan reports it before any rule runs). */
  unparsable: (reason: string) => reason,
  /** A rule that threw on the plan (lint-plan reports it for the rule, under its own id). */
  ruleCrashed: (rule: string, error: string) => `${rule} could not check this plan: ${error}`,
};

/**
 * Problems with the plan file itself. Not in the design's rule table: they stop the other rules from
 * knowing what to check, so they are reported under their own id rather than as a crash.
 */
export const planFile: Rule = {
  id: 'GP000',
  slug: 'plan-file',
  description: 'The plan can be read: not empty, valid YAML frontmatter naming a known template (or `--template`), inside a project.',
  defaultSeverity: 'error',
  messages: MESSAGES,
  check(plan, workspace) {
    if (plan.text.trim() === '') {
      return [{ line: 1, column: 1, ...say(MESSAGES, 'empty') }];
    }
    const reports: RuleReport[] = [];
    const error = plan.frontmatter?.error;
    if (error) {
      reports.push({ line: error.line, column: error.column, ...say(MESSAGES, 'invalidYaml', error.message) });
    } else if (plan.templateId === undefined) {
      reports.push({ line: 1, column: 1, ...say(MESSAGES, 'noTemplate') });
    } else if (!plan.template) {
      reports.push({
        ...(plan.frontmatter?.fieldLines.get('template') ?? { line: 1, column: 1 }),
        ...say(MESSAGES, 'unknownTemplate', plan.templateId, plan.knownTemplates),
        suggestion: closestNames(plan.templateId, plan.knownTemplates, 1)[0],
      });
    }
    if (plan.path !== undefined && !workspace.projectOfPath(plan.path)) {
      reports.push({ line: 1, column: 1, ...say(MESSAGES, 'outsideProjects') });
    }
    return reports;
  },
};
