// A copy of a workspace in a temporary folder, installed as `nx add` leaves it: its node_modules is the source's
// own or, when it has none (examples/shop), this repository's, where nx and the built @groundplan/nx are.
import { cpSync, existsSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXAMPLE = join(REPO, 'examples', 'shop');

export function installedCopy(source, prefix) {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(source, root, { recursive: true, filter: (path) => !/[\\/](node_modules|\.nx|dist)([\\/]|$)/.test(path) });
  const modules = existsSync(join(source, 'node_modules')) ? join(source, 'node_modules') : join(REPO, 'node_modules');
  symlinkSync(modules, join(root, 'node_modules'), 'dir');
  return root;
}
