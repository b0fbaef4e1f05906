import { join } from 'node:path';
import { indexWorkspace } from '../code/index-workspace';
import { craftedFacts, project, writeWorkspace } from '../test-utils/crafted-workspace';
import { distinctWords } from '../test-utils/distinct-words';
import { diskSource } from '../utils/file-source';
import { buildContext } from './build-context';
import { projectEdges } from './project-edges';
import { parseQuery } from './query';
import { rankWorkspace } from './rank';

/**
 * An application monorepo in small: an API and a web app, both importing a shared library through its barrel,
 * whose helper, config and types every feature imports. Relevance must come from what the text says, not from
 * what everything imports.
 */
const feature = (name: string, Name: string, extra = '') => ({
  [`apps/api/src/${name}/${name}.service.ts`]: `import { Injectable } from '@nestjs/common';\nimport { toRecord, settings, type Entity } from '@acme/shared';\n@Injectable()\nexport class ${Name}Service {\n  list(): Entity[] { return [toRecord(settings.pageSize)]; }\n${extra}}\n`,
  [`apps/api/src/${name}/${name}.controller.ts`]: `import { Controller, Get } from '@nestjs/common';\nimport { ${Name}Service } from './${name}.service';\nimport { type Entity } from '@acme/shared';\n@Controller('${name}')\nexport class ${Name}Controller {\n  constructor(private readonly service: ${Name}Service) {}\n  @Get()\n  list(): Entity[] { return this.service.list(); }\n}\n`,
  [`apps/web/src/pages/${name}-page.tsx`]: `import { toRecord, type Entity } from '@acme/shared';\nexport function ${Name}Page(props: { items: Entity[] }) { return props.items.map(toRecord); }\n`,
});

const FILES: Record<string, string> = {
  'tsconfig.base.json': '{ "compilerOptions": { "paths": { "@acme/shared": ["libs/shared/src/index.ts"] } } }',
  'libs/shared/src/index.ts': "export * from './lib/helper';\nexport * from './lib/config';\nexport * from './lib/types';\n",
  'libs/shared/src/lib/helper.ts':
    "import { type Entity } from './types';\n/** Record helpers for invoices, alerts, orders, users and the rest. */\nexport function toRecord(value: unknown): Entity { return { id: String(value) }; }\n",
  'libs/shared/src/lib/config.ts': 'export const settings = { pageSize: 50, alerts: true, invoices: true };\n',
  'libs/shared/src/lib/types.ts': 'export interface Entity { id: string }\n',
  ...feature('invoices', 'Invoices'),
  ...feature('orders', 'Orders'),
  ...feature('users', 'Users'),
  ...feature('alerts', 'Alerts', '  /** Active alerts, muted ones left out. */\n  active(): Entity[] { return []; }\n'),
  'apps/api/src/alerts/alerts.service.spec.ts':
    "import { AlertsService } from './alerts.service';\ndescribe('AlertsService', () => { it('leaves snoozed alerts out of the active list', () => { new AlertsService(); }); });\n",
  'apps/api/src/health/status.controller.ts':
    "import { Controller, Get } from '@nestjs/common';\n@Controller('status')\nexport class StatusController {\n  @Get('heartbeat')\n  ping(): string { return 'ok'; }\n}\n",
  'apps/api/src/main.ts': "import { settings } from '@acme/shared';\nexport const port = settings.pageSize;\n",
  // The API schema's types, written by a code generator: they name everything the API has.
  'libs/shared/src/lib/generated-types.ts':
    '/* eslint-disable */\nexport type ArchiveInvoiceInput = { invoiceId: string; reason: string };\nexport type ArchiveInvoiceResult = { archived: boolean };\nexport type InvoicesQuery = { invoices: Array<{ id: string; archived: boolean }> };\n',
};

const root = writeWorkspace(FILES);
const facts = craftedFacts(root, [
  project('shared', 'libs/shared', { importPath: '@acme/shared' }),
  project('api', 'apps/api', { type: 'application' }),
  project('web', 'apps/web', { type: 'application' }),
]);
const source = diskSource(root);
const index = indexWorkspace({ projects: facts.projects, source });
const edges = projectEdges(facts.projects, index.files.values());
const rank = (text: string, named?: string) => rankWorkspace(facts.projects, index, edges, parseQuery(text), named);
const paths = (text: string) => rank(text).files.map((f) => f.file.path);

describe('relevance over centrality', () => {
  it('marks the shared barrel as one', () => {
    expect(index.files.get('libs/shared/src/index.ts')!.barrel).toBe(true);
    expect(index.files.get('libs/shared/src/lib/helper.ts')!.barrel).toBeUndefined();
  });

  it('keeps the library every file imports, its barrel, helper and config below the files the text is about', () => {
    const ranked = paths('fix: muted alerts are still listed as active alerts');
    for (const hub of ['libs/shared/src/index.ts', 'libs/shared/src/lib/helper.ts', 'libs/shared/src/lib/config.ts']) {
      expect(ranked.indexOf(hub)).toBeGreaterThan(ranked.indexOf('apps/api/src/alerts/alerts.service.ts'));
      expect(ranked.indexOf(hub)).toBeGreaterThan(ranked.indexOf('apps/api/src/alerts/alerts.controller.ts'));
    }
    expect(ranked.slice(0, 2)).toEqual(expect.arrayContaining(['apps/api/src/alerts/alerts.service.ts', 'apps/api/src/alerts/alerts.controller.ts']));
  });

  it('chooses the project the matching files are in, not the library they all import, and says why', () => {
    const ranking = rank('fix: muted alerts are still listed as active alerts');
    expect(ranking.affected.name).toBe('api');
    expect(ranking.affected.why).toMatch(/its files match best \(`apps\/api\/src\/alerts\//);
    expect(ranking.projects.map((p) => p.name)).toContain('shared');
  });

  it('still chooses the library when the work is inside it', () => {
    const ranking = rank('feat: toRecord helper keeps the page size setting of the shared config');
    expect(ranking.affected.name).toBe('shared');
    expect(paths('feat: toRecord helper keeps the page size setting of the shared config')[0]).toBe('libs/shared/src/lib/helper.ts');
  });

  it('reads route strings: a handler is found by its route when no name says it', () => {
    const ranking = rank('the heartbeat endpoint should report the database too');
    expect(ranking.files[0].file.path).toBe('apps/api/src/health/status.controller.ts');
    expect(ranking.files[0].why).toMatch(/heartbeat/);
  });

  it('reads `constructor` as a word like any other, from a fresh index or its cache', () => {
    const cacheDir = join(root, '.nx', 'workspace-data');
    indexWorkspace({ projects: facts.projects, source, cacheDir });
    const cached = indexWorkspace({ projects: facts.projects, source, cacheDir });
    expect(cached.stats.cached).toBe(index.stats.files);
    for (const code of [index, cached]) {
      const ranking = rankWorkspace(facts.projects, code, edges, parseQuery('muted alerts: pass the settings through the constructor'), undefined);
      // A file without the word still scores (Object's `constructor` once made its score NaN, and dropped it).
      expect(ranking.files.every((f) => Number.isFinite(f.score))).toBe(true);
      expect(ranking.files[0].file.path).toBe('apps/api/src/alerts/alerts.service.ts');
    }
  });

  it('does not take the project holding generated types for where the work is', () => {
    expect(index.files.get('libs/shared/src/lib/generated-types.ts')?.generated).toBe(true);
    const ranking = rank('Let users archive an invoice: ArchiveInvoiceInput with the invoiceId and a reason');
    expect(ranking.affected.name).toBe('api');
  });

  it("counts the schema's generated types for less against the code when the text is long", () => {
    const text = 'Let users archive an invoice, with a reason';
    const spec = `# PRD: ${text}\n\n## Requirements\n- Archived invoices leave the invoices list.\n${distinctWords(100)}`;
    const generatedOverService = (query: string) => {
      const score = (path: string) => rank(query).files.find((f) => f.file.path === path)!.score;
      return score('libs/shared/src/lib/generated-types.ts') / score('apps/api/src/invoices/invoices.service.ts');
    };
    expect(parseQuery(spec).verbosity).toBeGreaterThan(0.5);
    expect(generatedOverService(spec)).toBeLessThan(0.75 * generatedOverService(text));
  });

  it('takes the test beside a file as evidence for it', () => {
    const ranking = rank('snoozed entries should stay hidden');
    expect(ranking.files[0].file.path).toBe('apps/api/src/alerts/alerts.service.ts');
    expect(ranking.files[0].why).toMatch(/its test `apps\/api\/src\/alerts\/alerts.service.spec.ts` matches the query/);
  });

  it('ranks a PRD by its requirements, not by what its non-goals name', async () => {
    const prd = [
      '# PRD: Invoice reminders',
      '## Requirements',
      '- Remind users of unpaid invoices.',
      '## Non-goals',
      '- Alerts, muted or active; orders.',
    ].join('\n');
    const pack = await buildContext({ facts, source, index, query: prd, budget: 4000 });
    expect(pack.affected.name).toBe('api');
    expect(pack.files[0].path).toMatch(/^apps\/api\/src\/invoices\//);
    expect(
      pack.files
        .slice(0, 4)
        .map((f) => f.path)
        .filter((p) => p.includes('alerts')),
    ).toEqual([]);
  });
});
