import { reportOnItems } from '../plan-items';
import { say, type Rule } from '../types';

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
    return reportOnItems(plan, workspace, (match, ref) =>
      // A named file that is simply absent (and was not deleted) is GP005's.
      match.item.checked
        ? match.missing
            .filter((missing) => missing.reason !== 'missing')
            .map((missing) => ({
              line: missing.line,
              column: missing.column,
              ...(missing.reason === 'never-created' ? say(MESSAGES, 'neverCreated', missing.path) : say(MESSAGES, 'deleted', missing.path, ref)),
            }))
        : [],
    );
  },
};
