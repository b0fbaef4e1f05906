import { detectStack } from './detect-stack';
import type { ProjectFact } from './types';

function project(name: string, targets: ProjectFact['targets']): ProjectFact {
  return { name, root: `apps/${name}`, sourceRoot: `apps/${name}/src`, type: 'application', tags: [], targets, dependencies: [], dependents: [] };
}

describe('detectStack: from package.json dependencies and from what targets run', () => {
  it.each([
    [
      'dependencies of every kind',
      [
        {
          path: 'package.json',
          json: { dependencies: { '@nestjs/core': '^11', pg: '^8' }, devDependencies: { typescript: '~5.9', jest: '^30' }, peerDependencies: { react: '^19' } },
        },
      ],
      [],
      ['TypeScript', 'NestJS', 'React', 'PostgreSQL', 'Jest'],
    ],
    ['an Nx executor', [], [project('web', [{ name: 'build', kind: 'build', executor: '@nx/vite:build' }])], ['Vite']],
    ['a run-commands command', [], [project('api', [{ name: 'test', kind: 'test', executor: 'nx:run-commands', command: 'vitest run' }])], ['Vitest']],
    ['nothing known', [{ path: 'package.json', json: { dependencies: { 'left-pad': '^1' } } }], [], []],
  ])('%s', (_name, packageJsons, projects, names) => {
    expect(detectStack(packageJsons, projects).map((item) => item.name)).toEqual(names);
  });

  it('says where each part was seen, once, first evidence kept', () => {
    const stack = detectStack(
      [
        { path: 'apps/api/package.json', json: { dependencies: { '@nestjs/core': '^11' } } },
        { path: 'package.json', json: { dependencies: { '@nestjs/core': '^10' } } },
      ],
      [project('api', [{ name: 'serve', kind: 'serve', executor: 'nx:run-commands', command: 'nest start' }])],
    );
    expect(stack).toEqual([{ name: 'NestJS', category: 'framework', evidence: 'apps/api/package.json: @nestjs/core' }]);
  });
});
