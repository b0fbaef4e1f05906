import { contentHash } from '../../utils/content-hash';
import { planItems, staleByOverlap, type PlanItem } from '../plan-items';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  changedSinceBase: (path: string, base: string, items: string) =>
    `"${path}" changed since the plan's base ${base}${items}: check the steps that use it still hold.`,
  removedSinceBase: (path: string, base: string, items: string) => `"${path}" was removed since the plan's base ${base}${items}: revise the steps that use it.`,
  renamedSinceBase: (path: string, to: string, base: string, items: string) =>
    `"${path}" was renamed to "${to}" since the plan's base ${base}${items}: update the plan.`,
  changedHash: (path: string, was: string, now: string, items: string) =>
    `"${path}" changed after the plan was written (${was} → ${now})${items}: check the steps that use it still hold, then record the new hash.`,
  removedHash: (path: string, items: string) => `"${path}" was removed after the plan was written${items}: revise the steps that use it.`,
};

/**
 * Drift by overlap, not by any change: with git, what the plan names (files, folders, project roots, and the
 * symbols in them) that changed since its `base` commit, unless a ticked item names it (that change is the
 * item's work). Outside git (or with no `base`), the hashes its frontmatter recorded. Says which items to check.
 */
export const staleReferences: Rule = {
  id: 'GP009',
  slug: 'stale-references',
  description:
    "What the plan names has not drifted since it was written. In git, with the plan's `groundplan.base` commit: the files, folders and project roots it names (and, in code files, the symbols it names there) that changed since `base`, unless a ticked item names them (that change is the item's work); each finding says which items to check. Outside git, or with no `base`: the hashes its frontmatter recorded (`groundplan.references`).",
  defaultSeverity: 'warning',
  messages: MESSAGES,
  check(plan, workspace) {
    if (plan.baseChanges) {
      const base = plan.baseChanges.commit.slice(0, 7);
      return staleByOverlap(plan, workspace, plan.baseChanges).map((ref) => {
        const items = affected(ref.items);
        const message =
          ref.status === 'removed'
            ? say(MESSAGES, 'removedSinceBase', ref.path, base, items)
            : ref.status === 'renamed'
              ? say(MESSAGES, 'renamedSinceBase', ref.path, ref.to!, base, items)
              : say(MESSAGES, 'changedSinceBase', ref.path, base, items);
        return { line: ref.line, column: ref.column, ...message };
      });
    }
    const recorded = plan.frontmatter?.provenance?.references;
    if (!recorded || typeof recorded !== 'object') return [];
    const reports: RuleReport[] = [];
    for (const [path, hash] of Object.entries(recorded)) {
      const where = plan.frontmatter!.referenceLines.get(path) ?? { line: plan.frontmatter!.line, column: 1 };
      const content = workspace.source.read(path);
      if (content !== undefined && contentHash(content) === hash) continue;
      const items = affected(planItems(plan, workspace).filter((item) => item.paths.some((p) => p.path === path)));
      reports.push({
        ...where,
        ...(content === undefined ? say(MESSAGES, 'removedHash', path, items) : say(MESSAGES, 'changedHash', path, String(hash), contentHash(content), items)),
      });
    }
    return reports;
  },
};

function affected(items: PlanItem[]): string {
  if (items.length === 0) return '';
  return ` (item${items.length === 1 ? '' : 's'} at line${items.length === 1 ? '' : 's'} ${items.map((item) => item.line).join(', ')})`;
}
