import type { LintResult } from '../../lint/lint-plan';
import type { ItemState, ItemSummary } from '../../lint/plan-items';
import { runLint } from '../../lint/run-lint';
import { openWorkspace } from '../../session/open-workspace';
import { parseCommandArgs, UsageError, workspacePatterns, type Command } from '../command';

const USAGE = `Usage: groundplan status <plan.md> [--against REF|base] [--json]

One screen per plan, for a person before they merge: each checklist item, ticked or not, and what git says
of it since REF (default: the commit the plan records as its base) — done, ticked with no change, looks
done, in progress, untouched — and whether what it names changed since the plan was written (stale).

Options:
  --against REF   compare with what changed since REF (git diff REF..., staged and working tree)
  --json          the same as JSON

Exit code: 0, or 1 when the comparison cannot be made (no git, no such ref, no base recorded).`;

const LABELS: Record<ItemState, string> = {
  done: 'done',
  'not-done': 'ticked, nothing changed',
  'looks-done': 'looks done: tick it?',
  'in-progress': 'in progress',
  untouched: 'untouched',
  unverifiable: 'names no file',
};

export const statusCommand: Command = {
  name: 'status',
  summary: 'each checklist item of a plan against git: done, not done, looks done, untouched, stale',
  usage: USAGE,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { against: { type: 'string' }, json: { type: 'boolean', default: false } });
    if (positionals.length !== 1) throw new UsageError('name one plan file.');
    const workspace = openWorkspace(io.cwd, { env: io.env });
    const outcome = await runLint({
      workspace,
      patterns: workspacePatterns(workspace.root, io.cwd, positionals),
      format: 'json',
      version: '0',
      patternsOption: 'groundplan status',
      against: values.against ?? 'base',
    });
    const [result] = outcome.results;
    if (values.json) io.stdout(`${JSON.stringify(statusJson(result), null, 2)}\n`);
    else io.stdout(statusText(result));
    return 0;
  },
};

function statusJson(result: LintResult) {
  return {
    file: result.file,
    against: result.against,
    items: result.items ?? [],
    unplanned: result.unplanned ?? [],
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  };
}

/** One line per item: line, box, state (and stale), text; the files that bear it out under it. */
export function statusText(result: LintResult): string {
  const items = result.items ?? [];
  const against = result.against ? ` against ${result.against.ref} (${result.against.commit.slice(0, 7)})` : '';
  const lines = [`${result.file}${against}: ${items.length} item${items.length === 1 ? '' : 's'}`, ''];
  const width = Math.max(0, ...items.map((item) => String(item.line).length));
  for (const item of items) {
    lines.push(`  ${String(item.line).padStart(width)}  [${item.checked ? 'x' : ' '}]  ${label(item).padEnd(26)}  ${clip(item.text)}`);
    const detail = [
      item.changed.length > 0 ? `changed: ${item.changed.join(', ')}` : '',
      item.missing.length > 0 ? `missing: ${item.missing.join(', ')}` : '',
      ...(item.renamed ?? []).map((r) => `renamed: ${r.from} → ${r.to}`),
    ].filter(Boolean);
    if (detail.length > 0) lines.push(`  ${' '.repeat(width)}       ${detail.join('; ')}`);
  }
  if ((result.unplanned ?? []).length > 0) lines.push('', `Unplanned changes (named nowhere in the plan): ${result.unplanned!.join(', ')}`);
  const counts = (state: ItemState) => items.filter((item) => item.state === state).length;
  lines.push(
    '',
    `${counts('done')} done, ${counts('not-done')} ticked with no change, ${counts('looks-done')} look done, ${counts('in-progress')} in progress, ${counts('untouched')} untouched, ${items.filter((i) => i.stale).length} stale`,
    '',
  );
  return lines.join('\n');
}

function label(item: ItemSummary): string {
  return `${LABELS[item.state]}${item.stale ? ', stale' : ''}`;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 90 ? `${line.slice(0, 87)}...` : line;
}
