import type { ChangeSet } from '../git-diff';
import { parsePlan } from '../parse-plan';
import type { PlanTemplate } from '../../templates/template';
import type { Rule, RuleReport } from '../types';
import type { LintWorkspace } from '../workspace-view';
import { shopWorkspace, TEMPLATES } from './fixture-workspace';

export interface RuleCase {
  name: string;
  plan: string;
  /** Workspace-relative path of the plan, when the case needs one. */
  file?: string;
  workspace?: LintWorkspace;
  /** The templates the plan may name (default: the fixture's checklist). */
  templates?: Map<string, PlanTemplate>;
  /** The `--against` diff, and the diff since the plan's base. */
  changes?: ChangeSet;
  baseChanges?: ChangeSet;
}

export interface InvalidRuleCase extends RuleCase {
  /** Each report's message id (a key of the rule's messages), and where it is when the case says so. */
  errors: Array<{ messageId: string; line?: number; column?: number; suggestion?: string }>;
}

/** typescript-eslint's RuleTester, for lint-plan rules: valid plans report nothing, invalid ones exactly `errors`. */
export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(`${rule.id} ${rule.slug}`, () => {
    if (cases.valid.length > 0) {
      it.each(cases.valid)('accepts: $name', async (testCase) => {
        expect(await run(rule, testCase)).toEqual([]);
      });
    }
    it.each(cases.invalid)('reports: $name', async (testCase) => {
      const reports = await run(rule, testCase);
      expect(reports.map((r) => r.messageId)).toEqual(testCase.errors.map((e) => e.messageId));
      testCase.errors.forEach((expected, i) => {
        expect(Object.keys(rule.messages)).toContain(expected.messageId);
        if (expected.line !== undefined) expect(reports[i].line).toBe(expected.line);
        if (expected.column !== undefined) expect(reports[i].column).toBe(expected.column);
        if (expected.suggestion !== undefined) expect(reports[i].suggestion).toBe(expected.suggestion);
      });
    });
  });
}

async function run(rule: Rule, testCase: RuleCase): Promise<RuleReport[]> {
  const plan = await parsePlan(testCase.plan, {
    file: testCase.file,
    templates: testCase.templates ?? TEMPLATES,
    changes: testCase.changes,
    baseChanges: testCase.baseChanges,
  });
  return rule.check(plan, testCase.workspace ?? shopWorkspace());
}
