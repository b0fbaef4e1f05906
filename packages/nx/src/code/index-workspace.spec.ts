import { readFileSync, writeFileSync } from 'node:fs';
import { countOf } from './words';
import { join } from 'node:path';
import { craftedFacts, project, writeWorkspace } from '../test-utils/crafted-workspace';
import { diskSource, type FileSource } from '../utils/file-source';
import { workspaceDataDir } from './index-cache';
import { indexWorkspace, MAX_FILE_BYTES } from './index-workspace';
import type { ProjectFileMap } from '../workspace/types';

const FILES = {
  'tsconfig.base.json': `{
    // tsconfig files may hold comments
    "compilerOptions": { "baseUrl": ".", "paths": { "@acme/util": ["libs/util/src/index.ts"], "@acme/util/*": ["libs/util/src/lib/*"] } },
  }`,
  '.gitignore': 'secret-dir/\n',
  // git's semantics: a negation brings back one file of an ignored pattern.
  '.groundplanignore': '*.generated.ts\n!keep.generated.ts\n',
  'libs/util/src/lib/api.generated.ts': 'export const api = 1;\n',
  'libs/util/src/lib/keep.generated.ts': 'export const keep = 1;\n',
  'apps/shop/src/main.ts':
    "import { total } from '@acme/util';\nimport { parse } from '@acme/util/parse';\nimport { format } from '@acme/util/format';\nimport './app/app';\n",
  'apps/shop/src/app/app.ts': "import { helper } from './helper.js';\nexport const app = helper;\n",
  'apps/shop/src/app/helper.ts': 'export function helper(): void {}\n',
  'apps/shop/src/app/app.spec.ts': "import { app } from './app';\n",
  'apps/shop/src/secret-dir/keys.ts': "export const KEY = 'do-not-share';\n",
  'apps/shop/src/types.d.ts': 'declare const x: number;\n',
  'libs/util/src/index.ts': "export * from './lib/total';\n",
  'libs/util/src/lib/total.ts': 'export function total(values: number[]): number { return 0; }\n',
  'libs/util/src/lib/parse.ts': '/** This file is generated: do not edit. */\nexport const parse = 1;\n',
  'libs/util/src/lib/format.ts': `export const format=1;${'var a=1;'.repeat(100)}\n`,
  'libs/util/src/lib/huge.ts': `export const data = [${'1,'.repeat(MAX_FILE_BYTES / 2)}];\n`,
  'libs/util/src/lib/broken.ts': 'export function ok() {}\nexport class {{{\n',
  'libs/util/node_modules/dep/index.js': 'module.exports = 1;\n',
};

const projects = [project('shop', 'apps/shop', { type: 'application' }), project('util', 'libs/util', { importPath: '@acme/util' })];

/** Reads through to the disk, counting what was read: how the cache's savings are observed. */
function countingSource(source: FileSource): FileSource & { reads: string[] } {
  const reads: string[] = [];
  return { ...source, reads, read: (path) => (path.endsWith('.ts') && reads.push(path), source.read(path)) };
}

describe('indexWorkspace', () => {
  const root = writeWorkspace(FILES);
  const facts = craftedFacts(root, projects);
  const index = indexWorkspace({ projects: facts.projects, source: diskSource(root) });

  it('indexes the source files of every project, not declarations, ignored (with negations) or dependency folders', () => {
    expect([...index.files.keys()].sort()).toEqual([
      'apps/shop/src/app/app.spec.ts',
      'apps/shop/src/app/app.ts',
      'apps/shop/src/app/helper.ts',
      'apps/shop/src/main.ts',
      'libs/util/src/index.ts',
      'libs/util/src/lib/broken.ts',
      'libs/util/src/lib/keep.generated.ts',
      'libs/util/src/lib/parse.ts',
      'libs/util/src/lib/total.ts',
    ]);
    expect(index.files.get('apps/shop/src/main.ts')!.project).toBe('shop');
    expect(index.files.get('libs/util/src/lib/total.ts')).toMatchObject({ project: 'util', role: 'util' });
    expect(index.files.get('apps/shop/src/app/app.spec.ts')!.role).toBe('test');
  });

  it('resolves relative imports (with .js), tsconfig aliases and wildcard paths to workspace files', () => {
    expect(index.files.get('apps/shop/src/main.ts')!.imports.sort()).toEqual([
      'apps/shop/src/app/app.ts',
      'libs/util/src/index.ts',
      'libs/util/src/lib/parse.ts',
    ]);
    expect(index.files.get('apps/shop/src/app/app.ts')!.imports).toEqual(['apps/shop/src/app/helper.ts']);
    expect(index.files.get('libs/util/src/index.ts')!.imports).toEqual(['libs/util/src/lib/total.ts']);
  });

  it('resolves a path to the file before the folder of that name, and a folder to its index', () => {
    const root = writeWorkspace({
      'libs/util/src/lib/orders.ts': 'export const orders = 1;\n',
      'libs/util/src/lib/orders/index.ts': 'export const nested = 1;\n',
      'libs/util/src/lib/money/index.tsx': 'export const money = 1;\n',
      'libs/util/src/lib/use.ts': "import { orders } from './orders';\nimport { money } from './money';\nimport { nested } from './orders/index.js';\n",
    });
    const files = indexWorkspace({ projects: craftedFacts(root, projects).projects, source: diskSource(root) }).files;
    expect(files.get('libs/util/src/lib/use.ts')!.imports).toEqual([
      'libs/util/src/lib/orders.ts',
      'libs/util/src/lib/money/index.tsx',
      'libs/util/src/lib/orders/index.ts',
    ]);
  });

  it('skips huge and minified files and says why; keeps generated files and those with syntax errors', () => {
    expect(index.skipped).toEqual([
      { path: 'libs/util/src/lib/format.ts', reason: 'minified (lines too long to be written by hand)' },
      { path: 'libs/util/src/lib/huge.ts', reason: `larger than ${MAX_FILE_BYTES / 1024} KB` },
    ]);
    expect(index.warnings).toEqual([{ path: 'libs/util/src/lib/broken.ts', reason: expect.stringMatching(/syntax error/) }]);
    expect(index.files.get('libs/util/src/lib/broken.ts')!.symbols.map((s) => s.name)).toContain('ok');
  });

  it('marks the files a tool wrote, by their header or by a generated part in their name', () => {
    const generated = [...index.files.values()].filter((file) => file.generated).map((file) => file.path);
    // parse.ts says "This file is generated: do not edit"; keep.generated.ts is named so.
    expect(generated.sort()).toEqual(['libs/util/src/lib/keep.generated.ts', 'libs/util/src/lib/parse.ts']);
  });

  it('counts the words of the whole text for the lexical match', () => {
    const { body } = index.files.get('libs/util/src/lib/total.ts')!.words;
    expect([countOf(body, 'total'), countOf(body, 'value'), countOf(body, 'missing')]).toEqual([1, 1, 0]);
  });
});

describe('the words of a file', () => {
  it('leave out the module syntax every file has, and keep export and import as words of what the code does', () => {
    const root = writeWorkspace({
      'libs/util/src/lib/orders.ts':
        "import { total } from './total';\n/** Exports orders; the import of records is elsewhere. */\nexport default function exportOrders(): void { void import('./total'); }\nexport const size = total;\n",
    });
    const { body } = indexWorkspace({ projects: craftedFacts(root, projects).projects, source: diskSource(root) }).files.get(
      'libs/util/src/lib/orders.ts',
    )!.words;
    // "Exports" and `exportOrders`; "import of records". Not the `import`, `export default`, `export const` or `import(…)` syntax.
    expect([countOf(body, 'export'), countOf(body, 'import'), countOf(body, 'default')]).toEqual([2, 1, 0]);
  });
});

describe('the index cache', () => {
  it('re-parses only the files whose content changed', () => {
    const root = writeWorkspace(FILES);
    const options = { projects: craftedFacts(root, projects).projects, source: diskSource(root), cacheDir: workspaceDataDir(root) };
    expect(indexWorkspace(options).stats).toMatchObject({ parsed: 11, cached: 0 });
    const warm = indexWorkspace(options);
    expect(warm.stats).toMatchObject({ parsed: 0, cached: 11, files: 9 });
    writeFileSync(join(root, 'apps/shop/src/app/helper.ts'), 'export function helper(renamed: string): void {}\n');
    const changed = indexWorkspace(options);
    expect(changed.stats).toMatchObject({ parsed: 1, cached: 10 });
    expect(changed.files.get('apps/shop/src/app/helper.ts')!.symbols[0].signature).toBe('function helper(renamed: string): void');
  });

  it('with Nx file hashes, does not even read the unchanged files', () => {
    const root = writeWorkspace(FILES);
    const fileMap: ProjectFileMap = {
      shop: ['apps/shop/src/main.ts', 'apps/shop/src/app/app.ts'].map((file) => ({ file, hash: `h-${file}` })),
      util: [{ file: 'libs/util/src/index.ts', hash: 'h-index' }],
    };
    const cacheDir = join(root, 'cache');
    const projectsByName = craftedFacts(root, projects).projects;
    indexWorkspace({ projects: projectsByName, source: diskSource(root), fileMap, cacheDir });
    const source = countingSource(diskSource(root));
    fileMap.shop[1].hash = 'h-changed';
    const warm = indexWorkspace({ projects: projectsByName, source, fileMap, cacheDir });
    expect(source.reads).toEqual(['apps/shop/src/app/app.ts']);
    expect(warm.stats).toMatchObject({ parsed: 1, cached: 2, files: 3 });
  });

  it('gives back what the scan gave: the same symbols, roles, words and imports, also after a partial rewrite', () => {
    const root = writeWorkspace({
      ...FILES,
      'apps/shop/src/app/orders.controller.ts': "@Controller('orders')\nexport class OrdersController { list(): string[] { return []; } }\n",
    });
    const options = { projects: craftedFacts(root, projects).projects, source: diskSource(root), cacheDir: workspaceDataDir(root) };
    const view = ({ files }: ReturnType<typeof indexWorkspace>) => JSON.parse(JSON.stringify([...files.values()]));
    const fresh = view(indexWorkspace(options));
    expect(fresh.find((file: { path: string }) => file.path.endsWith('orders.controller.ts'))).toMatchObject({
      role: 'controller',
      symbols: [{ name: 'OrdersController' }],
    });
    expect(view(indexWorkspace(options))).toEqual(fresh);
    // One file rescanned: the cache is written again, with the others' symbols as they were read back.
    writeFileSync(join(root, 'apps/shop/src/app/helper.ts'), 'export function helper(renamed: string): void {}\n');
    indexWorkspace(options);
    writeFileSync(join(root, 'apps/shop/src/app/helper.ts'), FILES['apps/shop/src/app/helper.ts']);
    const rewritten = indexWorkspace(options);
    expect(rewritten.stats).toMatchObject({ parsed: 1 });
    expect(view(rewritten)).toEqual(fresh);
  });

  it("resolves an unchanged file's imports again when a file they may name appears or an alias moves", () => {
    const root = writeWorkspace({ ...FILES, 'apps/shop/src/app/orders/index.ts': 'export const orders = 1;\n' });
    const options = { projects: craftedFacts(root, projects).projects, source: diskSource(root), cacheDir: workspaceDataDir(root) };
    const importsOf = (path: string) => indexWorkspace(options).files.get(path)!.imports;
    writeFileSync(join(root, 'apps/shop/src/app/app.ts'), "import { orders } from './orders';\nexport const app = orders;\n");
    expect(importsOf('apps/shop/src/app/app.ts')).toEqual(['apps/shop/src/app/orders/index.ts']);
    expect(importsOf('apps/shop/src/app/app.ts')).toEqual(['apps/shop/src/app/orders/index.ts']);
    // `./orders` now names the file before the folder, though app.ts did not change.
    writeFileSync(join(root, 'apps/shop/src/app/orders.ts'), 'export const orders = 2;\n');
    expect(importsOf('apps/shop/src/app/app.ts')).toEqual(['apps/shop/src/app/orders.ts']);
    expect(importsOf('apps/shop/src/main.ts')).toContain('libs/util/src/index.ts');
    writeFileSync(join(root, 'tsconfig.base.json'), '{ "compilerOptions": { "paths": { "@acme/util": ["libs/util/src/lib/total.ts"] } } }');
    expect(importsOf('apps/shop/src/main.ts')).toContain('libs/util/src/lib/total.ts');
    expect(importsOf('apps/shop/src/main.ts')).not.toContain('libs/util/src/index.ts');
  });

  it('scans again when the cache file was cut short (a full disk)', () => {
    const root = writeWorkspace(FILES);
    const options = { projects: craftedFacts(root, projects).projects, source: diskSource(root), cacheDir: workspaceDataDir(root) };
    indexWorkspace(options);
    const file = join(options.cacheDir, 'groundplan-code-index.json');
    writeFileSync(file, readFileSync(file).subarray(0, readFileSync(file).length - 10));
    expect(indexWorkspace(options).stats).toMatchObject({ parsed: 11, cached: 0 });
  });

  it("lives in Nx's workspace data folder, or where NX_WORKSPACE_DATA_DIRECTORY says", () => {
    expect(workspaceDataDir('/ws', {})).toBe('/ws/.nx/workspace-data');
    expect(workspaceDataDir('/ws', { NX_WORKSPACE_DATA_DIRECTORY: 'tmp/data' })).toBe('/ws/tmp/data');
    expect(workspaceDataDir('/ws', { NX_WORKSPACE_DATA_DIRECTORY: '/abs' })).toBe('/abs');
  });
});
