import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProjectGraph } from '@nx/devkit';
import type { FileSource } from '../utils/file-source';
import type { WorkspaceFacts } from '../workspace/types';

/** The example Nx workspace the tests run against (a NestJS API, a React app, shared libraries). */
export const EXAMPLE_WORKSPACE = resolve(__dirname, '../../../../examples/shop');

/** The repository's node_modules, where nx and @groundplan/nx (this package, built) are installed. */
const INSTALLED = resolve(__dirname, '../../../../node_modules');

/**
 * A fresh copy of examples/shop in a temporary folder, installed as `nx add` leaves a workspace: its
 * node_modules is the repository's, so Nx loads the plugin nx.json registers (from dist: build it first).
 * Tests may write to the copy, and Nx may cache in it.
 */
export function copyExampleWorkspace(): string {
  const root = mkdtempSync(join(tmpdir(), 'groundplan-shop-'));
  cpSync(EXAMPLE_WORKSPACE, root, { recursive: true, filter: (path) => !/[\\/](node_modules|\.nx|dist)([\\/]|$)/.test(path) });
  symlinkSync(INSTALLED, join(root, 'node_modules'), 'dir');
  return root;
}

export interface LoadedWorkspace {
  root: string;
  graph: ProjectGraph;
  facts: WorkspaceFacts;
  source: FileSource;
}

/**
 * Copies the example workspace and computes its project graph in-process. Nx binds to a workspace root when
 * @nx/devkit is first loaded, so this sets the root first and loads the workspace modules afterwards (jest
 * gives each test file its own module registry and environment, so call it once per test file).
 */
export async function loadExampleWorkspace(root = copyExampleWorkspace()): Promise<LoadedWorkspace> {
  process.env.NX_DAEMON = 'false';
  process.env.NX_WORKSPACE_ROOT_PATH = root;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must load after the root is set
  const { computeProjectGraph, readWorkspaceFacts } = require('../workspace/read-workspace') as typeof import('../workspace/read-workspace');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { diskSource } = require('../utils/file-source') as typeof import('../utils/file-source');
  const graph = await computeProjectGraph(root);
  const source = diskSource(root);
  return { root, graph, facts: readWorkspaceFacts(graph, source), source };
}
