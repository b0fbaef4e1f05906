import { memorySource } from '../test-utils/memory-source';
import { ownersOf, readOwners } from './owners';
import type { ProjectFact } from './types';

const api: ProjectFact = {
  name: 'api',
  root: 'apps/api',
  sourceRoot: 'apps/api/src',
  type: 'application',
  tags: [],
  targets: [],
  dependencies: [],
  dependents: [],
};
const CODEOWNERS = [
  '# owners',
  '*           @acme/everyone',
  '*.md        @acme/docs',
  '/apps/      @acme/apps',
  'libs/shared @acme/platform  # shared code',
  'orders/     @acme/orders',
].join('\n');

describe('owners: CODEOWNERS and nx.json, the last matching rule winning', () => {
  const rules = readOwners(
    memorySource({ '.github/CODEOWNERS': CODEOWNERS }),
    {
      owners: {
        patterns: [
          { projects: ['api', 'unknown'], owners: ['@acme/api'] },
          { files: ['**/*.spec.ts'], owners: ['@acme/qa'] },
        ],
      },
    },
    { api },
  );

  it('reads CODEOWNERS (comments dropped) and then nx.json, known projects only', () => {
    expect(rules.map((rule) => [rule.pattern, rule.owners.join(' '), rule.source])).toEqual([
      ['*', '@acme/everyone', '.github/CODEOWNERS'],
      ['*.md', '@acme/docs', '.github/CODEOWNERS'],
      ['/apps/', '@acme/apps', '.github/CODEOWNERS'],
      ['libs/shared', '@acme/platform', '.github/CODEOWNERS'],
      ['orders/', '@acme/orders', '.github/CODEOWNERS'],
      ['/apps/api/', '@acme/api', 'nx.json owners'],
      ['**/*.spec.ts', '@acme/qa', 'nx.json owners'],
    ]);
  });

  it.each([
    ['package.json', ['@acme/everyone']],
    ['docs/guide.md', ['@acme/docs']],
    ['apps/web/src/main.ts', ['@acme/apps']],
    ['apps/api/src/main.ts', ['@acme/api']],
    ['apps/api/src/main.spec.ts', ['@acme/qa']],
    ['libs/shared/util/src/money.ts', ['@acme/platform']],
    ['libs/api/orders/src/index.ts', ['@acme/orders']],
  ])('%s is owned by %j', (path, owners) => {
    expect(ownersOf(rules, path)).toEqual(owners);
  });

  it('finds no owners without CODEOWNERS or nx.json owners', () => {
    expect(readOwners(memorySource({ 'package.json': '{}' }), {}, { api })).toEqual([]);
  });
});
