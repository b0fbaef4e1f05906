import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { copyExampleWorkspace, EXAMPLE_WORKSPACE } from './example-workspace';

/**
 * One copy of the example workspace per spec file, with Nx pointed at it. Nx binds its workspace root when
 * @nx/devkit is first loaded, so a spec that drives a generator imports this module before anything that
 * loads Nx (jest gives each spec file its own module registry and environment).
 */
function setUp(): string {
  const root = copyExampleWorkspace();
  process.env.NX_WORKSPACE_ROOT_PATH = root;
  process.env.NX_DAEMON = 'false';
  process.env.NX_NO_CLOUD = 'true';
  return root;
}

export const exampleRoot = setUp();

/** Puts the example's sources back as they were, for specs that edit or add files. */
export function resetExampleRoot(): void {
  for (const entry of ['apps', 'libs', 'product-development', 'tools']) rmSync(join(exampleRoot, entry), { recursive: true, force: true });
  cpSync(EXAMPLE_WORKSPACE, exampleRoot, { recursive: true, filter: (path) => !/[\\/](node_modules|\.nx|dist)([\\/]|$)/.test(path) });
}

export function removeExampleRoot(): void {
  rmSync(exampleRoot, { recursive: true, force: true });
}
