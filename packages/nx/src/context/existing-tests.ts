import { testSubjectStem } from '../code/file-role';
import type { CodeIndex, IndexedFile } from '../code/types';

const MAX_SPECS = 20;
const PROJECT_FALLBACK = 3;

/**
 * Existing tests to extend: those beside a selected file (`x.ts` → `x.spec.ts`, `x.test.ts`, `__tests__/x.*`)
 * or importing it, in the order of the files they test; when none is in the affected project, a few of its
 * tests. The tests are indexed once, so the budget fit can ask again for every candidate count.
 */
export function existingTestsFinder(index: CodeIndex): (selected: IndexedFile[], affected: string) => string[] {
  const tests = [...index.files.values()].filter((file) => file.role === 'test');
  const testsOf = new Map<string, Set<string>>();
  const link = (path: string, test: string) => testsOf.set(path, (testsOf.get(path) ?? new Set()).add(test));
  for (const test of tests) {
    link(testSubjectStem(test.path), test.path);
    for (const target of test.imports) link(target, test.path);
  }
  return (selected, affected) => {
    const specs = new Set<string>();
    for (const file of selected) {
      for (const key of [file.path, file.path.replace(/\.[cm]?[jt]sx?$/, '')]) testsOf.get(key)?.forEach((test) => specs.add(test));
    }
    if (![...specs].some((path) => index.files.get(path)?.project === affected)) {
      tests
        .filter((test) => test.project === affected)
        .slice(0, PROJECT_FALLBACK)
        .forEach((test) => specs.add(test.path));
    }
    return [...specs].slice(0, MAX_SPECS);
  };
}
