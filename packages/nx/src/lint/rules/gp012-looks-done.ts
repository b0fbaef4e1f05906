import { matchItems } from '../plan-items';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  looksDone: (ref: string, files: string) => `Looks done: every file it names changed since ${ref} (${files}). Tick it?`,
};

/** The other way round: an unticked item whose every named file changed. Information, never a failure. */
export const looksDone: Rule = {
  id: 'GP012',
  slug: 'looks-done',
  description: 'With `--against <ref>`: an unticked item whose every named file changed looks done ("tick it?"). Never fails a run.',
  defaultSeverity: 'info',
  requires: 'against',
  messages: MESSAGES,
  check(plan, workspace) {
    if (!plan.changes) return [];
    const reports: RuleReport[] = [];
    for (const match of matchItems(plan, workspace, plan.changes)) {
      if (match.state === 'looks-done')
        reports.push({ line: match.item.line, column: match.item.column, ...say(MESSAGES, 'looksDone', plan.changes.ref, match.changed.join(', ')) });
    }
    return reports;
  },
};
