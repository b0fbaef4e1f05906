import { fileWords } from '../../code/file-words';
import type { CodeIndex, IndexedFile } from '../../code/types';
import type { CodeSymbol } from '../../code/types';
import { parseTemplate } from '../../templates/parse-template';
import type { PlanTemplate } from '../../templates/template';
import { memorySource } from '../../test-utils/memory-source';
import type { ProjectFact, WorkspaceFacts } from '../../workspace/types';
import { createLintWorkspace, type LintWorkspace } from '../workspace-view';

function project(name: string, root: string, type: ProjectFact['type'], tags: string[], dependencies: string[], importPath?: string): ProjectFact {
  return { name, root, sourceRoot: `${root}/src`, type, tags, targets: [], dependencies, dependents: [], importPath };
}

/** A small shop: an API app over data-access and shared libraries, and a web UI library. */
export const SHOP_FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'shop', dependencies: { zod: '^4.0.0', '@nestjs/common': '^11.0.0' } }),
  'apps/api/project.json': '{}',
  'apps/api/src/main.ts': 'bootstrap();',
  'apps/api/src/app/orders/orders.service.ts': 'export class OrdersService { findAll() {} }',
  'apps/api/src/app/orders/orders.controller.ts': 'export class OrdersController {}',
  'apps/api/product-development/checkout/plan.md': '',
  'libs/api/data-access/src/index.ts': "export * from './lib/pagination';",
  'libs/api/data-access/src/lib/pagination.ts': 'export function paginate() {}',
  'libs/shared/util/src/index.ts': "export * from './lib/money';",
  'libs/shared/util/src/lib/money.ts': 'export function formatMoney() {}',
  'libs/shared/types/src/index.ts': 'export interface Money {}',
  'libs/web/ui/src/index.ts': 'export function Button() {}',
};

export const SHOP_PROJECTS: Record<string, ProjectFact> = {
  api: project('api', 'apps/api', 'application', ['scope:api', 'type:app'], ['api-data-access', 'shared-util']),
  'api-data-access': project('api-data-access', 'libs/api/data-access', 'library', ['scope:api', 'type:data-access'], ['shared-util'], '@shop/api-data-access'),
  'shared-util': project('shared-util', 'libs/shared/util', 'library', ['scope:shared', 'type:util'], ['shared-types'], '@shop/shared-util'),
  'shared-types': project('shared-types', 'libs/shared/types', 'library', ['scope:shared', 'type:types'], [], '@shop/shared-types'),
  'web-ui': project('web-ui', 'libs/web/ui', 'library', ['scope:web', 'type:ui'], ['shared-util'], '@shop/web-ui'),
};

export const SHOP_FACTS: WorkspaceFacts = {
  root: '/workspace',
  projects: SHOP_PROJECTS,
  boundaries: {
    source: 'eslint.config.mjs',
    constraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:util', 'type:types'] },
      { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:util', 'type:types'] },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:types'] },
      { sourceTag: 'type:types', onlyDependOnLibsWithTags: ['type:types'] },
      { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:util', 'type:types'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'scope:api', notDependOnLibsWithTags: ['scope:web'] },
    ],
  },
  stack: [],
  owners: [],
};

function symbol(name: string, kind: CodeSymbol['kind'], members: string[] = []): CodeSymbol {
  return {
    name,
    kind,
    signature: name,
    exported: true,
    line: 1,
    decorators: [],
    members: members.map((member) => ({ name: member, kind: 'method', signature: `${member}()`, exported: false, line: 2, decorators: [], members: [] })),
  };
}

function indexed(path: string, projectName: string, symbols: CodeSymbol[]): IndexedFile {
  return { path, project: projectName, role: 'other', symbols, imports: [], bytes: 100, hash: path, words: fileWords('', symbols, undefined) };
}

export const SHOP_CODE: CodeIndex = {
  files: new Map(
    [
      indexed('apps/api/src/app/orders/orders.service.ts', 'api', [symbol('OrdersService', 'class', ['findAll', 'findOne'])]),
      indexed('apps/api/src/app/orders/orders.controller.ts', 'api', [symbol('OrdersController', 'class', ['list'])]),
      indexed('libs/api/data-access/src/lib/pagination.ts', 'api-data-access', [symbol('paginate', 'function')]),
      indexed('libs/shared/util/src/lib/money.ts', 'shared-util', [symbol('formatMoney', 'function')]),
      indexed('libs/shared/types/src/index.ts', 'shared-types', [symbol('Money', 'interface')]),
    ].map((file) => [file.path, file]),
  ),
  skipped: [],
  warnings: [],
  stats: { files: 5, parsed: 5, cached: 0 },
};

export function shopWorkspace(extraFiles: Record<string, string> = {}): LintWorkspace {
  return createLintWorkspace(SHOP_FACTS, memorySource({ ...SHOP_FILES, ...extraFiles }), SHOP_CODE);
}

/** A template shaped like the built-in checklist: enough to exercise the structural rules. */
export const CHECKLIST_TEMPLATE_TEXT = `---
id: checklist
name: Checklist
description: Feature summary, architecture and an implementation checklist.
output: plan.md
inputs:
  anyOf: [[prd]]
sections:
  - Feature Summary
  - Architecture Overview
  - title: Implementation Checklist
    checklist: true
forbidden:
  - id: time-estimates
    description: time estimates
    pattern: '\\b\\d+(?:\\.\\d+)?\\s*(?:hours?|days?|weeks?|sprints?)\\b'
  - id: owners
    description: team assignments
    pattern: '\\b(?:owner|assignee)s?:'
---
# <%= feature.title %>
`;

export const CHECKLIST_TEMPLATE: PlanTemplate = parseTemplate(CHECKLIST_TEMPLATE_TEXT, 'fixtures/checklist.md', false);

export const TEMPLATES = new Map([[CHECKLIST_TEMPLATE.id, CHECKLIST_TEMPLATE]]);

/** A plan that every rule accepts; cases vary one part of it. */
export function planText(body: string, frontmatter = 'groundplan:\n  template: checklist\n  project: api\n'): string {
  return `---\n${frontmatter}---\n\n${body.trim()}\n`;
}

export const VALID_BODY = `# Checkout v2

## Feature Summary

Let customers export their orders as CSV.

## Architecture Overview

The \`api\` project serves the export through \`OrdersController\` in \`apps/api/src/app/orders/orders.controller.ts\`.

## Implementation Checklist

- [ ] Add \`exportCsv()\` to \`OrdersService\` in \`apps/api/src/app/orders/orders.service.ts\`
- [ ] Test the export in \`apps/api/src/app/orders/orders-export.spec.ts\` (new)
`;
