import { projectSide } from './classify';

describe('projectSide', () => {
  it.each([
    { project: { name: 'web', root: 'apps/web', tags: ['scope:web'], type: 'application' }, side: 'frontend' },
    { project: { name: 'api', root: 'apps/api', tags: ['type:app'], type: 'application' }, side: 'backend' },
    { project: { name: 'orders-services', root: 'libs/orders/services', tags: [], type: 'library' }, side: 'backend' },
    { project: { name: 'shared-models', root: 'libs/shared/models', tags: [], type: 'library' }, side: 'shared' },
    { project: { name: 'checkout', root: 'libs/checkout', tags: ['scope:adminUi'], type: 'library' }, side: 'frontend' },
    { project: { name: 'billing', root: 'libs/billing', tags: [], type: 'library' }, side: 'shared' },
    { project: { name: 'billing', root: 'apps/billing', tags: [], type: 'application' }, side: 'backend' },
  ] as const)('$project.root, tagged $project.tags, is on the $side side', ({ project, side }) => {
    expect(projectSide({ ...project, tags: [...project.tags] })).toBe(side);
  });
});
