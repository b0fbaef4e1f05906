import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { REPO_ROOT, userEnv } from './env';
import type { LocalRegistry } from './local-registry';
import { expectExit, run } from './run';

const PLUGIN_ROOT = join(REPO_ROOT, 'packages', 'nx');

/**
 * Builds @groundplan/nx and publishes it to the local registry as `latest`, under a version of its own
 * (`<version>-e2e.<timestamp>`), so `nx add @groundplan/nx` resolves it as a user's would. The publish runs from a
 * temp copy of the package folder: npm packs what package.json's `files` says, exactly as a real release
 * would, and the repo's package.json is never touched.
 */
export async function publishPlugin(registry: LocalRegistry): Promise<string> {
  const build = await run('npx', ['nx', 'run', 'groundplan-nx:build', '--outputStyle=static'], {
    cwd: REPO_ROOT,
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  expectExit(build, 'success');

  const stage = mkdtempSync(join(tmpdir(), 'groundplan-e2e-package-'));
  try {
    cpSync(PLUGIN_ROOT, stage, { recursive: true, filter: (path) => basename(path) !== 'node_modules' });
    const manifestPath = join(stage, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const version = `${String(manifest.version).replace(/[-+].*$/, '')}-e2e.${Date.now()}`;
    writeFileSync(manifestPath, `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
    const publish = await run('npm', ['publish', '--registry', registry.url, '--tag', 'latest'], {
      cwd: stage,
      env: userEnv(registry.publishEnv),
    });
    expectExit(publish, 'success');
    return version;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
