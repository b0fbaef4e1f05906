import type { CodeSymbol, FileRole } from './types';

/** File-name conventions first (Nest, Angular, NgRx, React), then the decorators the file declares. */
const BY_NAME: Array<[RegExp, FileRole]> = [
  [/(\.|_|-)(spec|test)\.[cm]?[jt]sx?$|(^|\/)(__tests__|__mocks__|e2e|[\w-]+-e2e|specs?|tests?)\//, 'test'],
  [/\.controller\.[jt]s$|\.resolver\.[jt]s$/, 'controller'],
  [/\.module\.[jt]s$/, 'module'],
  [/\.entity\.[jt]s$|\.schema\.[jt]s$/, 'entity'],
  [/\.dto\.[jt]s$|\.input\.[jt]s$/, 'dto'],
  [/\.(guard|interceptor|middleware|pipe|strategy)\.[jt]s$/, 'guard'],
  [/\.(reducer|actions|effects|selectors|facade|store|state|feature|slice)\.[jt]sx?$/, 'store'],
  [/\.component\.[jt]s$|\.directive\.[jt]s$|\.tsx$|\.jsx$/, 'component'],
  [/\.service\.[jt]s$|\.repository\.[jt]s$|\.queue\.[jt]s$|\.processor\.[jt]s$/, 'service'],
  [/(^|\/)use[A-Z-][^/]*\.[jt]sx?$/, 'hook'],
  [/\.(model|models|types|interface|interfaces)\.[jt]s$|(^|\/)(models|types)\//, 'model'],
  [/(^|[./-])config\.[cm]?[jt]s$|(^|\/)config\//, 'config'],
  [/(^|[./-])(util|utils|helpers?)([./-]|$)/, 'util'],
];

const BY_DECORATOR: Array<[RegExp, FileRole]> = [
  [/^@(Controller|Resolver)\b/, 'controller'],
  [/^@(Module|NgModule)\b/, 'module'],
  [/^@(Entity|Schema)\b/, 'entity'],
  [/^@(Component|Directive)\b/, 'component'],
  [/^@(Injectable|Processor)\b/, 'service'],
];

/** The roles of files that hold data shapes (entities, DTOs): the work reads them, and changes them only to store new data. */
export const DATA_SHAPE_ROLES: ReadonlySet<FileRole> = new Set<FileRole>(['entity', 'dto']);

export function fileRole(path: string, symbols: CodeSymbol[]): FileRole {
  const named = BY_NAME.find(([pattern]) => pattern.test(path))?.[1];
  if (named === 'test') return named;
  const decorators = symbols.flatMap((s) => s.decorators);
  const decorated = BY_DECORATOR.find(([pattern]) => decorators.some((d) => pattern.test(d)))?.[1];
  if (named && named !== 'component') return named;
  return decorated ?? named ?? 'other';
}

const TYPE_KINDS = new Set(['interface', 'type', 'enum']);

/** It declares something, and only types: interfaces, type aliases, enums. */
export function declaresTypesOnly(symbols: CodeSymbol[]): boolean {
  return symbols.length > 0 && symbols.every((s) => TYPE_KINDS.has(s.kind));
}

/** A module's path without its extension (`.ts`, `.tsx`, `.mjs`, …): what an import of it or a test's name says. */
export function withoutExtension(path: string): string {
  return path.replace(/\.[cm]?[jt]sx?$/, '');
}

/**
 * The path a test's subject has, without its extension: what a test file's name says it tests (`x.spec.ts`,
 * `x.test.ts`, `__tests__/x.ts`, `e2e/x.e2e-spec.ts`, `x.e2e.ts` → `…/x`). Its own path, less its extension, when the name
 * says nothing.
 */
export function testSubjectStem(path: string): string {
  return withoutExtension(path)
    .replace(/[._-](e2e[._-]spec|e2e[._-]test|e2e|spec|test)$/, '')
    .replace(/(^|\/)__tests__\//, '$1');
}

/** An end-to-end test, by its path (`e2e/…`, `x.e2e-spec.ts`): it drives the running app, and runs with its end-to-end target. */
export function isEndToEndTest(path: string): boolean {
  return /(^|\/)e2e\/|[._-]e2e[._-]/.test(path);
}

/**
 * A test of a behaviour rather than of one file: an end-to-end or integration test (`x.integration.test.ts`,
 * `integration/…`). A test in a `tests/` folder beside no source file (`vite/tests/esm.spec.ts`) is still a unit test.
 */
export function isSuiteTest(path: string): boolean {
  return isTestRun(path) && (isEndToEndTest(path) || /(^|[/._-])integration([/._-]|$)/.test(path));
}

/**
 * A file a test runner runs, by the names the runners look for (Jest's and Vitest's `x.spec.ts`, `x.test.ts` and
 * `__tests__/`, Cypress's `x.cy.ts`, `x.e2e.ts`): not the helpers, fixtures and query documents beside the tests
 * (`e2e/graphql/shop-definitions.ts`), which hold no cases to add.
 */
function isTestRun(path: string): boolean {
  return /[._-](spec|test|cy|e2e)\.[cm]?[jt]sx?$|(^|\/)__tests__\//.test(path);
}
