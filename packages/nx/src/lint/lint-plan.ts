import { MarkdownBoundsError } from '../markdown/bounds';
import type { PlanTemplate } from '../templates/template';
import { directivesIn, isDisabled } from './disable-comments';
import type { ChangeSet } from './git-diff';
import { parsePlan } from './parse-plan';
import { matchItems, staleByOverlap, summarize, unplannedChanges, type ItemSummary } from './plan-items';
import { RULES } from './rules';
import { MESSAGES as PLAN_FILE_MESSAGES, planFile } from './rules/gp000-plan-file';
import { resolveSeverities, type SeverityOverrides } from './severity';
import { say, type Finding } from './types';
import type { LintWorkspace } from './workspace-view';

export interface LintOptions {
  workspace: LintWorkspace;
  /** Templates by id: `loadTemplates(source, templatesDir)`. */
  templates: Map<string, PlanTemplate>;
  /** Template for plans whose frontmatter names none. */
  template?: string;
  /** Severity overrides, applied in order: the plugin options' `rules`, then the run's. */
  rules?: SeverityOverrides[];
}

export interface LintResult {
  file: string;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  /** With `--against`: each checklist item's state and the changed files it matched. */
  items?: ItemSummary[];
  /** With `--against`: the ref's commit the diff started from, and changed files the plan does not name. */
  against?: { ref: string; commit: string };
  unplanned?: string[];
}

/** The diffs a plan is checked against, when there are any. */
export interface PlanDiffs {
  /** `--against <ref>`: what changed since the ref. */
  changes?: ChangeSet;
  /** What changed since the plan's recorded `base`, for GP009. */
  baseChanges?: ChangeSet;
}

/**
 * Lints one plan's text. No file is needed: the model drafter's repair loop lints each draft in memory.
 * Give `file` (workspace-relative) when the plan has a place, so that links resolve and its project is known.
 */
export async function lintPlan(text: string, options: LintOptions & PlanDiffs & { file?: string }): Promise<LintResult> {
  const severities = resolveSeverities(...(options.rules ?? []));
  let plan;
  try {
    plan = await parsePlan(text, {
      file: options.file,
      templates: options.templates,
      template: options.template,
      changes: options.changes,
      baseChanges: options.baseChanges,
    });
  } catch (error) {
    if (!(error instanceof MarkdownBoundsError)) throw error;
    // Too large or too deep to parse safely: one finding, and no rule runs on it.
    const finding: Finding = {
      ruleId: planFile.id,
      slug: planFile.slug,
      severity: 'error',
      file: options.file ?? '<plan>',
      line: error.line,
      column: 1,
      ...say(PLAN_FILE_MESSAGES, 'unparsable', error.message),
    };
    return { file: finding.file, findings: [finding], errorCount: 1, warningCount: 0 };
  }
  const rules = plan.text.trim() === '' ? RULES_WITHOUT_BODY : RULES;
  const directives = directivesIn(plan.tree);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const severity = severities.get(rule.id)!;
    if (severity === 'off') continue;
    for (const report of checkSafely(rule, plan, options.workspace)) {
      if (isDisabled(directives, rule, report.line)) continue;
      findings.push({ ruleId: rule.id, slug: rule.slug, severity, file: plan.file, ...report });
    }
  }
  findings.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const result: LintResult = { file: plan.file, findings, ...countBySeverity(findings) };
  if (plan.changes && rules !== RULES_WITHOUT_BODY) {
    const stale = plan.baseChanges ? staleByOverlap(plan, options.workspace, plan.baseChanges) : [];
    result.against = { ref: plan.changes.ref, commit: plan.changes.commit };
    result.items = matchItems(plan, options.workspace, plan.changes).map((match) => summarize(match, stale));
    result.unplanned = unplannedChanges(plan, options.workspace, plan.changes);
  }
  return result;
}

/** A rule that throws on a strange plan (a third-party linter's bug) reports that, instead of failing the run. */
function checkSafely(rule: (typeof RULES)[number], plan: Parameters<(typeof RULES)[number]['check']>[0], workspace: LintWorkspace) {
  try {
    return rule.check(plan, workspace);
  } catch (error) {
    return [
      { line: 1, column: 1, ...say(PLAN_FILE_MESSAGES, 'ruleCrashed', `${rule.id} ${rule.slug}`, String((error as Error)?.message ?? error).split('\n')[0]) },
    ];
  }
}

const RULES_WITHOUT_BODY = [planFile];

export async function lintPlans(plans: Array<{ file: string; text: string } & PlanDiffs>, options: LintOptions): Promise<LintResult[]> {
  const results: LintResult[] = [];
  for (const plan of plans) results.push(await lintPlan(plan.text, { ...options, file: plan.file, changes: plan.changes, baseChanges: plan.baseChanges }));
  return results;
}

function countBySeverity(findings: Finding[]): { errorCount: number; warningCount: number } {
  const errorCount = findings.filter((finding) => finding.severity === 'error').length;
  return { errorCount, warningCount: findings.filter((finding) => finding.severity === 'warning').length };
}

export interface FailOptions {
  /** Warnings fail too. */
  strict?: boolean;
  /** More warnings than this fail (-1 or undefined: no limit). */
  maxWarnings?: number;
}

/** Errors and warnings over all results. */
export function totals(results: LintResult[]): { errorCount: number; warningCount: number } {
  return {
    errorCount: results.reduce((sum, result) => sum + result.errorCount, 0),
    warningCount: results.reduce((sum, result) => sum + result.warningCount, 0),
  };
}

/** Whether a run fails: errors always do; warnings under `strict` or beyond `maxWarnings`. */
export function lintFailed(results: LintResult[], options: FailOptions = {}): boolean {
  const { errorCount: errors, warningCount: warnings } = totals(results);
  const overLimit = options.maxWarnings !== undefined && options.maxWarnings >= 0 && warnings > options.maxWarnings;
  return errors > 0 || (options.strict === true && warnings > 0) || overLimit;
}
