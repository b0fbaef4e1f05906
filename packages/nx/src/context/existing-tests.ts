import { posix } from 'node:path';
import { isSuiteTest, testSubjectStem, withoutExtension } from '../code/file-role';
import { splitWords } from '../code/words';
import type { CodeIndex, IndexedFile } from '../code/types';
import { lexicalScores } from './lexical';
import type { ParsedQuery } from './query';

const MAX_SPECS = 20;
const PROJECT_FALLBACK = 3;

/**
 * Per project, its suite test (an end-to-end or integration test with no source file of its own:
 * `test/table-export.e2e-spec.ts`, `e2e/order-promotion.e2e-spec.ts`) that best matches the feature's text, of those
 * named for it (see `namedForText`): where a change to a file with no spec beside it is tested. On the
 * application commits and PRDs of teable and vendure, of the changed files with no spec beside them whose commit
 * extended such a suite, it named the suite extended for 32 of 45 (PRDs: 14 of 26), and 1 in 3 of the suites it
 * named were extended; the suite named after the file (`order.e2e-spec.ts` for `order.service.ts`) was the one
 * for 2 of 26 (1 of 12). Counting every test with no subject of its own as a suite (`vite/tests/esm.spec.ts`)
 * named 1 in 4. Taking any suite whose folders or declared names matched a word, 5 of the 120 application drafts
 * extended teable's `e2e/pages/system/404.spec.ts`; named for the text, the drafts' testing items name 84 existing
 * tests, 21 of them touched by their commit, instead of 90 (21), and the PRD drafts' stay at 30 (11).
 */
export function featureTests(index: CodeIndex, query: ParsedQuery): Map<string, string> {
  const modules = new Set([...index.files.keys()].map(withoutExtension));
  // A test named for no module (`e2e/checkout.spec.ts`) tests a behaviour: it is a suite.
  const ownSubject = (test: string) => testSubjectStem(test) !== withoutExtension(test) && modules.has(testSubjectStem(test));
  const suites = [...index.files.values()].filter((file) => file.role === 'test' && isSuiteTest(file.path) && !ownSubject(file.path));
  const scores = lexicalScores(suites, query.words, query.verbosity);
  const best = new Map<string, { path: string; score: number }>();
  for (const suite of suites) {
    // A suite is named for the behaviour it tests: one named for none of the text's words only shares prose with it
    // (`vite/tests/esm-path-alias.spec.ts`), or a folder and a variable (`e2e/pages/system/404.spec.ts` and its
    // `pageSlug`, for "the login page"), and tests something else.
    const score = namedForText(suite, query) ? (scores.get(suite.path)?.score ?? 0) : 0;
    const held = best.get(suite.project);
    if (score > 0 && (!held || score > held.score || (score === held.score && suite.path < held.path))) best.set(suite.project, { path: suite.path, score });
  }
  return new Map([...best].map(([project, { path }]) => [project, path]));
}

/**
 * Whether a test is named for the text: its own name, without its test suffix, holds one of its words
 * (`table-export.e2e-spec.ts`), or its declarations hold two (`gridViewRo`, `formViewRo` of `share.e2e-spec.ts` for
 * "a grid view"): one word they share may be the product's everyday word (`pageSlug` and "page"), two name what
 * the suite sets up.
 */
function namedForText(test: IndexedFile, query: ParsedQuery): boolean {
  const said = (text: string) => new Set(splitWords(text).filter((word) => query.words.has(word)));
  return said(posix.basename(testSubjectStem(test.path))).size > 0 || said(test.symbols.map((symbol) => symbol.name).join(' ')).size >= 2;
}

/**
 * Existing tests to extend: those beside a selected file (`x.ts` → `x.spec.ts`, `x.test.ts`, `__tests__/x.*`)
 * or importing it, in the order of the files they test, then the affected project's suite test for the feature
 * (see `featureTests`); when none is in the affected project, a few of its tests. The tests are indexed once, so
 * the budget fit can ask again for every candidate count.
 */
export function existingTestsFinder(index: CodeIndex, forFeature: Map<string, string>): (selected: IndexedFile[], affected: string) => string[] {
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
      for (const key of [file.path, withoutExtension(file.path)]) testsOf.get(key)?.forEach((test) => specs.add(test));
    }
    const suite = forFeature.get(affected);
    if (suite) specs.add(suite);
    if (![...specs].some((path) => index.files.get(path)?.project === affected)) {
      tests
        .filter((test) => test.project === affected)
        .slice(0, PROJECT_FALLBACK)
        .forEach((test) => specs.add(test.path));
    }
    return [...specs].slice(0, MAX_SPECS);
  };
}
