import { reportOnItems } from '../plan-items';
import { say, type Rule } from '../types';

export const MESSAGES = {
  tickedNotDone: (ref: string, names: string) => `Ticked, but nothing it names changed since ${ref} (${names}): do the work, or untick it.`,
  symbolsUntouched: (ref: string, names: string) =>
    `Ticked, but its named symbols did not change since ${ref} (the files did: ${names}): do the work, or untick it.`,
};

/** Phantom completion: a `- [x]` item whose files and symbols show no change in the diff (`--against`). */
export const tickedNotDone: Rule = {
  id: 'GP011',
  slug: 'ticked-not-done',
  description:
    "With `--against <ref>`: a ticked item (`- [x]`) names files, or symbols in files, that changed since the ref; reported at the item's line. A changed file whose named symbol's text did not change counts as unchanged. Items that name no file are not checked.",
  defaultSeverity: 'error',
  requires: 'against',
  messages: MESSAGES,
  check(plan, workspace) {
    return reportOnItems(plan, workspace, (match, ref) => {
      // A ticked item whose new file is missing is GP014's: one error says it best.
      if (match.state !== 'not-done' || match.missing.some((m) => m.reason === 'never-created')) return [];
      const message =
        match.symbolsUntouched.length > 0
          ? say(MESSAGES, 'symbolsUntouched', ref, match.symbolsUntouched.join(', '))
          : say(MESSAGES, 'tickedNotDone', ref, match.item.paths.map((p) => p.path).join(', '));
      return [{ line: match.item.line, column: match.item.column, ...message }];
    });
  },
};
