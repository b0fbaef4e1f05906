import type { ChangedFile, ChangeSet } from '../git-diff';

/** A ChangeSet for rule tests: `changeSet('M apps/x.ts:3-5', 'A apps/y.ts', 'R apps/old.ts>apps/new.ts', 'D apps/z.ts')`. */
export function changeSet(...entries: string[]): ChangeSet {
  const files = entries.map((entry): ChangedFile => {
    const [code, rest] = [entry[0], entry.slice(2)];
    const [paths, lines] = rest.split(':');
    const ranges =
      lines === undefined
        ? undefined
        : lines
            .split(',')
            .filter(Boolean)
            .map((range) => range.split('-').map(Number) as [number, number])
            .map(([a, b]) => [a, b ?? a] as [number, number]);
    if (code === 'R') {
      const [from, to] = paths.split('>');
      return { path: to, from, status: 'renamed', lines: ranges ?? [] };
    }
    const status = code === 'A' ? 'added' : code === 'D' ? 'deleted' : 'modified';
    return { path: paths, status, ...(status === 'modified' ? { lines: ranges ?? [[1, 1]] } : {}) };
  });
  // Sorted by path, as readChanges gives them.
  return { ref: 'origin/main', commit: 'abcdef0123456789abcdef0123456789abcdef01', files: files.sort((a, b) => a.path.localeCompare(b.path)) };
}
