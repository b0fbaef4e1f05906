import { matchItems } from '../plan-items';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  neverCreated: (path: string) => `Ticked, but the new file "${path}" it creates does not exist: create it, or untick the item.`,
  deleted: (path: string, ref: string) =>
    `Ticked, but "${path}" it names was deleted since ${ref}: if that was the work, say so ("Delete \`${path}\`"); otherwise restore it.`,
};

/** A ticked item whose file is not there: the new file was never created, or the named file was deleted. */
export const tickedFileMissing: Rule = {
  id: 'GP014',
  slug: 'ticked-file-missing',
  description:
    "With `--against <ref>`: a ticked item's new file (`Create \\`x\\``, `` `x` (new)``) exists, and a file it names was not deleted since the ref (unless the item says to delete it).",
  defaultSeverity: 'error',
  requires: 'against',
  messages: MESSAGES,
  check(plan, workspace) {
    if (!plan.changes) return [];
    const reports: RuleReport[] = [];
    for (const match of matchItems(plan, workspace, plan.changes)) {
      if (!match.item.checked) continue;
      for (const missing of match.missing) {
        if (missing.reason === 'never-created') reports.push({ line: missing.line, column: missing.column, ...say(MESSAGES, 'neverCreated', missing.path) });
        else if (missing.reason === 'deleted')
          reports.push({ line: missing.line, column: missing.column, ...say(MESSAGES, 'deleted', missing.path, plan.changes.ref) });
      }
    }
    return reports;
  },
};
