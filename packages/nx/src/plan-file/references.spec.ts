import { extractReferences } from './parse-plan';

describe('extractReferences', () => {
  it('finds backticked and linked paths, normalised, and which ones the plan creates', async () => {
    const refs = await extractReferences(
      [
        '# Plan',
        '',
        '- [ ] Update `./apps/api/src/main.ts:12` and [the service](apps/api/src/app/orders/orders.service.ts#L3)',
        '- [ ] Create `apps/api/src/app/export/export.controller.ts`',
        '- [ ] Test it in `apps/api/src/app/export/export.spec.ts` (new)',
        '- [ ] Read [the PRD](../PRD.md) and `libs/shared/util/`',
        '- [ ] Serve `GET /orders/:id` as `text/csv`, not `read/write`',
      ].join('\n'),
      'apps/api/product-development/checkout/plan.md',
    );
    expect(refs.paths.map(({ path, shape, isNew }) => [path, shape, isNew])).toEqual([
      ['apps/api/src/main.ts', 'file', false],
      ['apps/api/src/app/orders/orders.service.ts', 'file', false],
      ['apps/api/src/app/export/export.controller.ts', 'file', true],
      ['apps/api/src/app/export/export.spec.ts', 'file', true],
      ['apps/api/product-development/PRD.md', 'file', false],
      ['libs/shared/util', 'directory', false],
      ['text/csv', 'unknown', false],
      ['read/write', 'unknown', false],
    ]);
    expect(refs.paths[0]).toMatchObject({ line: 3, column: 14 });
  });

  it('treats paths under a "files to create" heading and in a "new" table row as new', async () => {
    const refs = await extractReferences(
      [
        '## Files to create',
        '',
        '- `libs/a/src/a.ts`',
        '',
        '## Files to modify',
        '',
        '| File | Change |',
        '| --- | --- |',
        '| `libs/b/src/b.ts` | New |',
        '| `libs/c/src/c.ts` | Edit |',
      ].join('\n'),
    );
    expect(refs.paths.map((p) => [p.path, p.isNew])).toEqual([
      ['libs/a/src/a.ts', true],
      ['libs/b/src/b.ts', true],
      ['libs/c/src/c.ts', false],
    ]);
  });

  it('finds projects named as projects, import paths, and the frontmatter project', async () => {
    const refs = await extractReferences(
      '---\ngroundplan:\n  project: api\n---\n\nReuse the `shared-util` library and `@shop/shared-types`; `orders` alone is not a claim. The `web` app stays.',
    );
    expect(refs.projects.map((p) => [p.name, p.via])).toEqual([
      ['api', 'frontmatter'],
      ['shared-util', 'name'],
      ['@shop/shared-types', 'import-path'],
      ['web', 'name'],
    ]);
  });

  it('finds symbols with their owner, members, and symbols the plan adds', async () => {
    const refs = await extractReferences(
      [
        'Call `OrdersService.findAll()` in `apps/api/src/app/orders/orders.service.ts`.',
        'Format with `formatMoney` from `@shop/shared-util` and `Money` exported by the `shared-types` library.',
        'Add `exportCsv()` in `apps/api/src/app/orders/orders.service.ts`.',
      ].join('\n\n'),
    );
    expect(refs.symbols.map(({ name, member, owner, isNew }) => ({ name, member, owner, isNew }))).toEqual([
      { name: 'OrdersService', member: 'findAll', owner: { kind: 'path', path: 'apps/api/src/app/orders/orders.service.ts' }, isNew: false },
      { name: 'formatMoney', member: undefined, owner: { kind: 'project', name: '@shop/shared-util', explicit: true }, isNew: false },
      { name: 'Money', member: undefined, owner: { kind: 'project', name: 'shared-types', explicit: true }, isNew: false },
      { name: 'exportCsv', member: undefined, owner: { kind: 'path', path: 'apps/api/src/app/orders/orders.service.ts' }, isNew: true },
    ]);
  });

  it('finds the dependencies a plan adds, in either phrasing', async () => {
    const refs = await extractReferences(
      [
        'Add a dependency from the `web-ui` project to `shared-util`.',
        '`api` will now depend on `@shop/web-ui`.',
        'Add a dependency on `shared-types` to `api-data-access`.',
        'It imports `zod`.',
      ].join('\n\n'),
    );
    expect(refs.dependencies.map(({ from, to }) => [from, to])).toEqual([
      ['web-ui', 'shared-util'],
      ['api', '@shop/web-ui'],
      ['api-data-access', 'shared-types'],
    ]);
    // "a dependency from/on" names projects; "`api` will depend on" may be said of files, so only the import path counts.
    expect(refs.projects.map((p) => p.name)).toEqual(['web-ui', 'shared-util', '@shop/web-ui', 'api-data-access', 'shared-types']);
  });

  it('ignores code blocks and HTML', async () => {
    const refs = await extractReferences('```ts\nimport { x } from `libs/a/b.ts`;\n```\n\n<!-- `libs/c/d.ts` -->\n');
    expect(refs).toEqual({ paths: [], projects: [], symbols: [], dependencies: [] });
  });
});
