import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, userEnv } from './env';
import { expectExit, run } from './run';

/** verdaccio, pinned with its own lockfile (see the description in its package.json). */
const REGISTRY_PROJECT = join(REPO_ROOT, 'e2e', 'local-registry');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export interface LocalRegistry {
  /** Base URL, with a trailing slash, as npm writes registry URLs. */
  url: string;
  /**
   * npm refuses to publish to a registry it holds no token for; verdaccio lets anyone publish @groundplan/*,
   * so any token does. Nx's own startLocalRegistry passes one the same way.
   */
  publishEnv: NodeJS.ProcessEnv;
  /** Stops verdaccio, waits for it to exit, and deletes its storage. */
  stop(): Promise<void>;
}

/**
 * Starts verdaccio on 127.0.0.1 with a free port and its storage in a temp dir. It serves @groundplan/* from
 * what the tests publish (never from upstream, so a package of that name out there cannot leak in) and proxies
 * everything else to the registry npm is configured with here.
 */
export async function startLocalRegistry(): Promise<LocalRegistry> {
  const verdaccio = await installVerdaccio();
  const uplink = await configuredRegistry();
  const dir = mkdtempSync(join(tmpdir(), 'groundplan-e2e-registry-'));
  const configPath = join(dir, 'config.yaml');
  writeFileSync(configPath, verdaccioConfig(join(dir, 'storage'), uplink));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const logPath = join(dir, 'verdaccio.log');
  const log = openSync(logPath, 'a');
  const child = spawn(process.execPath, [verdaccio, '--config', configPath, '--listen', `127.0.0.1:${port}`], {
    cwd: dir,
    env: userEnv(),
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const stop = async () => {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(url, child, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, publishEnv: { [`npm_config_//127.0.0.1:${port}/:_authToken`]: 'e2e' }, stop };
}

/** Installs verdaccio from its lockfile, unless the locked version is what is installed. */
async function installVerdaccio(): Promise<string> {
  const lock = JSON.parse(readFileSync(join(REGISTRY_PROJECT, 'package-lock.json'), 'utf8'));
  const locked: string = lock.packages['node_modules/verdaccio'].version;
  const manifest = join(REGISTRY_PROJECT, 'node_modules', 'verdaccio', 'package.json');
  if (!existsSync(manifest) || JSON.parse(readFileSync(manifest, 'utf8')).version !== locked) {
    expectExit(await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: REGISTRY_PROJECT, env: userEnv() }), 'success');
  }
  return join(REGISTRY_PROJECT, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
}

/** The uplink: whatever registry npm is configured with here (user or project .npmrc, or npm_config_registry). */
async function configuredRegistry(): Promise<string> {
  const result = await run('npm', ['config', 'get', 'registry'], { cwd: REPO_ROOT, env: process.env });
  expectExit(result, 'success');
  const registry = result.stdout.trim();
  return registry.endsWith('/') ? registry : `${registry}/`;
}

function verdaccioConfig(storage: string, uplink: string): string {
  return `# One e2e run's registry: written by e2e/src/utils/local-registry.ts, deleted when the run ends.
storage: ${JSON.stringify(storage)}
uplinks:
  upstream:
    url: ${JSON.stringify(uplink)}
    timeout: 60s
packages:
  '@groundplan/*':
    access: $all
    publish: $anonymous
  '**':
    access: $all
    publish: $authenticated
    proxy: upstream
web:
  enable: false
log: { type: stdout, format: pretty, level: warn }
`;
}

/** A port the OS says is free now; verdaccio binds it a moment later and fails loudly if it was taken. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilServing(url: string, child: ChildProcess, logPath: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`verdaccio exited (${child.exitCode ?? child.signalCode}) before serving ${url}:\n${readFileSync(logPath, 'utf8')}`);
    }
    const up = await fetch(`${url}-/ping`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not serve ${url} within ${START_TIMEOUT_MS / 1000}s:\n${readFileSync(logPath, 'utf8')}`);
}

/** SIGTERM, then SIGKILL if it lingers; resolves once the process has exited. */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
