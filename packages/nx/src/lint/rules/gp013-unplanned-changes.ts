import { startOf } from '../../markdown/nodes';
import { planItems, unplannedChanges } from '../plan-items';
import type { ParsedPlan } from '../parse-plan';
import { say, type Rule } from '../types';
import type { LintWorkspace } from '../workspace-view';

const LISTED = 10;

export const MESSAGES = {
  unplanned: (ref: string, files: string[]) =>
    `${files.length} file${files.length === 1 ? '' : 's'} changed since ${ref} under the plan's projects that the plan does not name: ${files.slice(0, LISTED).join(', ')}${files.length > LISTED ? `, and ${files.length - LISTED} more` : ''}. Add them to the plan, or keep the change out of this work.`,
};

/** Unplanned work, made visible in review: changed files under the plan's projects that it never names. */
export const unplannedChangesRule: Rule = {
  id: 'GP013',
  slug: 'unplanned-changes',
  description:
    "With `--against <ref>`: files changed under the plan's projects (its own, the projects it names, those holding the files it names) that the plan names nowhere, listed once at the checklist's heading. Test files and planning documents (plans and feature inputs under `product-development/`) never count.",
  defaultSeverity: 'warning',
  requires: 'against',
  messages: MESSAGES,
  check(plan, workspace) {
    if (!plan.changes) return [];
    const files = unplannedChanges(plan, workspace, plan.changes);
    return files.length === 0 ? [] : [{ ...anchor(plan, workspace), ...say(MESSAGES, 'unplanned', plan.changes.ref, files) }];
  },
};

/** One place for the list: the heading of the section holding the first item, else the plan's first line. */
function anchor(plan: ParsedPlan, workspace: LintWorkspace) {
  const [first] = planItems(plan, workspace);
  const section = first ? plan.sections.filter((s) => s.line <= first.line).at(-1) : undefined;
  return section ? startOf(section.heading) : { line: 1, column: 1 };
}
