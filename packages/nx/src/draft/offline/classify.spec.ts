import type { FileRole } from '../../code/types';
import { keepsBehaviour, projectSide, sideOfCode } from './classify';

const files = (counts: Partial<Record<FileRole, number>>): FileRole[] =>
  Object.entries(counts).flatMap(([role, count]) => Array.from({ length: count }, () => role as FileRole));

describe('projectSide', () => {
  it.each([
    { project: { name: 'web', root: 'apps/web', tags: ['scope:web'], type: 'application' }, roles: [], side: 'frontend' },
    { project: { name: 'api', root: 'apps/api', tags: ['type:app'], type: 'application' }, roles: [], side: 'backend' },
    { project: { name: 'orders-services', root: 'libs/orders/services', tags: [], type: 'library' }, roles: [], side: 'backend' },
    { project: { name: 'shared-models', root: 'libs/shared/models', tags: [], type: 'library' }, roles: [], side: 'shared' },
    { project: { name: 'checkout', root: 'libs/checkout', tags: ['scope:adminUi'], type: 'library' }, roles: [], side: 'frontend' },
    { project: { name: 'billing', root: 'libs/billing', tags: [], type: 'library' }, roles: [], side: 'shared' },
    { project: { name: 'billing', root: 'apps/billing', tags: [], type: 'application' }, roles: [], side: 'backend' },
    // Package-based workspaces: every project a library, the name silent; the code says which side it is.
    {
      project: { name: '@acme/core', root: 'packages/core', tags: [], type: 'library' },
      roles: files({ controller: 12, service: 40, other: 30 }),
      side: 'backend',
    },
    {
      project: { name: '@acme/app', root: 'apps/nextjs-app', tags: [], type: 'library' },
      roles: files({ component: 90, hook: 20, other: 40 }),
      side: 'frontend',
    },
    { project: { name: '@acme/core', root: 'packages/core', tags: [], type: 'library' }, roles: files({ model: 30, util: 10 }), side: 'shared' },
    // The name's side words and the tags come first.
    { project: { name: 'web', root: 'apps/web', tags: [], type: 'application' }, roles: files({ controller: 5 }), side: 'frontend' },
  ] as const)('$project.root, tagged $project.tags, with $roles.length files, is on the $side side', ({ project, roles, side }) => {
    expect(projectSide({ ...project, tags: [...project.tags] }, [...roles])).toBe(side);
  });
});

describe('sideOfCode', () => {
  it.each([
    ['no files', files({}), undefined],
    ['components and hooks', files({ component: 8, hook: 2, util: 5 }), 'frontend'],
    ['controllers (and resolvers)', files({ controller: 6, service: 10, module: 4 }), 'backend'],
    ['both about as much (a full-stack project)', files({ component: 5, controller: 4 }), undefined],
    ['two components among many files', files({ component: 2, other: 50 }), undefined],
    ['a few components, a tenth of too many files', files({ component: 4, model: 100 }), undefined],
  ])('%s', (_, roles, side) => {
    expect(sideOfCode(roles)).toBe(side);
  });
});

describe('keepsBehaviour', () => {
  it.each([
    ['Invoices for archived customers are still listed in the admin, as today.', true],
    ['Sending a reminder records it in the audit log (as before).', true],
    ['The export file name and its columns are unchanged.', true],
    ['Other discounts on the basket must be unaffected.', true],
    ['Deleting a webhook must still work as it does today.', true],
    ['Existing rate limits continue to apply. Anonymous calls still work.', true],
    ['The existing exclusions stay in place: cancelled orders and active orders are not counted.', true],
    ['The error shoppers see remains the same.', true],
    ['No change to the error shoppers see when a limit really has been reached.', true],
    // Keeping words followed by more: the rest asks for a change.
    ['The CSV is parsed as today, but empty rows are skipped instead of failing.', false],
    ['The token is consumed as today, and every other session of the user is ended.', false],
    ['The list keeps its filters (as today) and also remembers the column order.', false],
    ['Tables are exported as before. The header row is translated.', false],
    ['The exclusions change: cancelled orders are now counted.', false],
    ['A change to the error message: it names the limit reached.', false],
    ['No change to the export, but the header row is translated.', false],
    // No keeping words: a change.
    ['The export must include the hidden fields of the view.', false],
    ['Today the list is unsorted; it must be sorted by date.', false],
  ])('%s → %s', (text, keeps) => {
    expect(keepsBehaviour(text)).toBe(keeps);
  });
});
