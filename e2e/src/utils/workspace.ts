import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { userEnv } from './env';
import { FEATURE_INPUTS, PROJECT_FILES } from './fixture';
import { expectExit, run, type RunResult } from './run';

/** Set by the global setup. */
export const REGISTRY_VARIABLE = 'GP_E2E_REGISTRY';
export const PLUGIN_VERSION_VARIABLE = 'GP_E2E_PLUGIN_VERSION';
/** The matrix: which Nx the workspace is made with, as an npm version or range (`24`, `22.x`, `22.7.12`). */
export const NX_VERSION_VARIABLE = 'GP_E2E_NX_VERSION';
export const DEFAULT_NX_VERSION = '24';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through their Jest config (e2e/jest.config.js), whose global setup sets it.`);
  return value;
}

export type FeatureInput = keyof typeof FEATURE_INPUTS;

const INPUT_FILES: Record<FeatureInput, string> = {
  jtbd: 'JTBD.md',
  prd: 'PRD.md',
  spec: 'spec.md',
  constitution: 'constitution.md',
  task: 'task.md',
};

export interface CommandOptions {
  /** Added to the user's environment (e.g. ANTHROPIC_API_KEY). */
  env?: NodeJS.ProcessEnv;
  input?: string;
}

/** A fresh workspace in a temp folder; npm in it reaches only the local registry, through its own .npmrc. */
export class TestWorkspace {
  constructor(readonly root: string) {}

  /** `npx nx ...`, as a user types it. */
  nx(args: string[], options: CommandOptions = {}): Promise<RunResult> {
    return run('npx', ['nx', ...args], { cwd: this.root, env: userEnv(options.env), input: options.input });
  }

  /** `npx <bin> ...` for a bin installed in the workspace; `--no`, so a missing bin fails instead of being fetched. */
  npx(args: string[], options: CommandOptions = {}): Promise<RunResult> {
    return run('npx', ['--no', ...args], { cwd: this.root, env: userEnv(options.env), input: options.input });
  }

  npm(args: string[]): Promise<RunResult> {
    return run('npm', args, { cwd: this.root, env: userEnv() });
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  exists(relative: string): boolean {
    return existsSync(this.path(relative));
  }

  read(relative: string): string {
    return readFileSync(this.path(relative), 'utf8');
  }

  readJson<T = Record<string, unknown>>(relative: string): T {
    return JSON.parse(this.read(relative)) as T;
  }

  write(relative: string, text: string): void {
    mkdirSync(dirname(this.path(relative)), { recursive: true });
    writeFileSync(this.path(relative), text);
  }

  remove(relative: string): void {
    rmSync(this.path(relative), { recursive: true, force: true });
  }

  /** Writes the named inputs into `<projectRoot>/product-development/<feature>/`, where the generator looks. */
  writeFeature(projectRoot: string, feature: string, inputs: FeatureInput[]): string {
    const dir = `${projectRoot}/product-development/${feature}`;
    for (const input of inputs) this.write(`${dir}/${INPUT_FILES[input]}`, FEATURE_INPUTS[input]);
    return dir;
  }

  /** The Nx version installed in the workspace. */
  nxVersion(): string {
    return this.readJson<{ version: string }>('node_modules/nx/package.json').version;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * A new workspace the way a team adopts Nx: a plain npm project, `nx init` (which installs Nx from the
 * registry), then its projects and code. The JS analysis of imports is switched on in nx.json, as a workspace
 * without @nx/js does to get a project graph with edges.
 */
export async function createWorkspace(nxVersion: string): Promise<TestWorkspace> {
  const workspace = new TestWorkspace(mkdtempSync(join(tmpdir(), 'groundplan-e2e-workspace-')));
  workspace.write('.npmrc', `registry=${requiredEnv(REGISTRY_VARIABLE)}\n`);
  workspace.write('.gitignore', 'node_modules\n.nx\n');
  workspace.write('package.json', `${JSON.stringify({ name: 'acme', version: '0.0.0', private: true, license: 'UNLICENSED' }, null, 2)}\n`);
  const init = await run('npx', ['--yes', `nx@${nxVersion}`, 'init', '--interactive=false', '--nxCloud=false', '--plugins=skip'], {
    cwd: workspace.root,
    env: userEnv(),
  });
  expectExit(init, 'success');
  for (const [path, text] of Object.entries(PROJECT_FILES)) workspace.write(path, text);
  const nxJson = workspace.readJson('nx.json');
  workspace.write('nx.json', `${JSON.stringify({ ...nxJson, pluginsConfig: { '@nx/js': { analyzeSourceFiles: true } } }, null, 2)}\n`);
  return workspace;
}
