import type { ProjectGraph } from '@nx/devkit';
import { projectFactsFromGraph, targetKind } from './project-facts';

describe('targetKind', () => {
  it.each([
    ['test', 'nx:run-script', 'vitest run --silent', 'test'],
    ['test', 'nx:run-script', 'run-s test-unit test-e2e', 'test'],
    ['test-e2e', 'nx:run-script', 'vitest run --config ./vitest-e2e.config.ts', 'e2e'],
    ['e2e', '@nx/playwright:playwright', undefined, 'e2e'],
    ['check', 'nx:run-commands', 'jest --ci', 'test'],
    ['lint', '@nx/eslint:lint', undefined, 'lint'],
    // npm init's placeholder, and a bare echo: no test runs, whatever the name says
    ['test', 'nx:run-script', 'echo "Error: no test specified" && exit 1', 'other'],
    ['test', 'nx:run-script', 'echo "Error: no test specified"', 'other'],
    ['lint', 'nx:run-script', "echo 'no lint yet'", 'other'],
    // an echo that runs something after it is that something
    ['test', 'nx:run-script', 'echo start && vitest run', 'test'],
  ])('%s (%s: %s) is %s', (name, executor, command, kind) => {
    expect(targetKind(name, executor, command)).toBe(kind);
  });
});

describe('projectFactsFromGraph', () => {
  it("reads a package.json script's target by what the script runs, as Nx's metadata gives it", () => {
    // The shape Nx 24 gives the targets it infers from package.json scripts (teable's plugins/chart, backend).
    const script = (name: string, content: string) => ({
      executor: 'nx:run-script',
      metadata: { scriptContent: content, runCommand: `pnpm run ${name}` },
      options: { script: name },
    });
    const graph = {
      nodes: {
        chart: { name: 'chart', type: 'app', data: { root: 'plugins/chart', targets: { test: script('test', 'echo "Error: no test specified"') } } },
        backend: {
          name: 'backend',
          type: 'app',
          data: { root: 'apps/backend', targets: { test: script('test', 'run-s test-unit test-e2e'), 'test-unit': script('test-unit', 'vitest run') } },
        },
      },
      dependencies: { chart: [], backend: [] },
    } as unknown as ProjectGraph;
    const facts = projectFactsFromGraph(graph, new Map());
    expect(facts['chart'].targets).toEqual([{ name: 'test', kind: 'other', executor: 'nx:run-script', command: 'echo "Error: no test specified"' }]);
    expect(facts['backend'].targets.map((t) => [t.name, t.kind, t.command])).toEqual([
      ['test', 'test', 'run-s test-unit test-e2e'],
      ['test-unit', 'test', 'vitest run'],
    ]);
  });
});
