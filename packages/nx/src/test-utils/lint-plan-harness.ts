import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { loadExampleWorkspace, type LoadedWorkspace } from './example-workspace';

/** lint-plan's three entries on a copy of the example workspace: the executor, the inferred target and `groundplan lint`. */
export interface LintPlanHarness {
  workspace: LoadedWorkspace;
  executor: typeof import('../executors/lint-plan/executor').default;
  createNodesV2: typeof import('../plugin').createNodesV2;
  /** Writes a file of the workspace, folders included. */
  writePlan(path: string, text: string): void;
  /** What Nx gives the executor when it runs `<project>:lint-plan`. */
  contextFor(projectName: string): ExecutorContext;
  /** `groundplan lint <argv>` run in `cwd` (the workspace root by default). */
  lint(argv: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }>;
}

/** Loads the workspace once for the spec file (Nx binds to its root on first load, so the modules come after). */
export function useLintPlanHarness(): LintPlanHarness {
  let lintCommand: typeof import('../bin/commands/lint').lintCommand;
  const harness: LintPlanHarness = {
    workspace: undefined as unknown as LoadedWorkspace,
    executor: undefined as unknown as LintPlanHarness['executor'],
    createNodesV2: undefined as unknown as LintPlanHarness['createNodesV2'],
    writePlan(path, text) {
      mkdirSync(dirname(join(harness.workspace.root, path)), { recursive: true });
      writeFileSync(join(harness.workspace.root, path), text);
    },
    contextFor(projectName) {
      const { root, graph } = harness.workspace;
      const projects = Object.fromEntries(Object.entries(graph.nodes).map(([name, node]) => [name, node.data]));
      return {
        root,
        cwd: root,
        isVerbose: false,
        projectName,
        projectGraph: graph,
        projectsConfigurations: { version: 2, projects },
        nxJsonConfiguration: JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')),
      } as ExecutorContext;
    },
    async lint(argv, cwd = harness.workspace.root) {
      const out: string[] = [];
      const err: string[] = [];
      const code = await lintCommand.run(argv, { cwd, env: process.env, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
      return { code, stdout: out.join(''), stderr: err.join('') };
    },
  };
  beforeAll(async () => {
    harness.workspace = await loadExampleWorkspace();
    /* eslint-disable @typescript-eslint/no-require-imports */
    harness.executor = (require('../executors/lint-plan/executor') as typeof import('../executors/lint-plan/executor')).default;
    ({ createNodesV2: harness.createNodesV2 } = require('../plugin') as typeof import('../plugin'));
    ({ lintCommand } = require('../bin/commands/lint') as typeof import('../bin/commands/lint'));
    /* eslint-enable @typescript-eslint/no-require-imports */
  });
  return harness;
}
