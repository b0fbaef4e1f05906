import { reportOnItems } from '../plan-items';
import { say, type Rule } from '../types';

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
    return reportOnItems(plan, workspace, (match, ref) =>
      match.state === 'looks-done' ? [{ line: match.item.line, column: match.item.column, ...say(MESSAGES, 'looksDone', ref, match.changed.join(', ')) }] : [],
    );
  },
};
