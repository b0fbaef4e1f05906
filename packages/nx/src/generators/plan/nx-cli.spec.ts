import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyExampleWorkspace } from '../../test-utils/example-workspace';

/**
 * The generator through the real Nx CLI, in a copy of examples/shop installed as `nx add` leaves a workspace:
 * what a user types, parsed by Nx itself (a unit test of the generator would not see how Nx reads the options).
 */
const NX = resolve(__dirname, '../../../../../node_modules/nx/dist/bin/nx.js');
const TASK = 'Add an X-Request-Id header to every API response, generated when the request has none.';
let root: string;

function nx(args: string[], stdin = ''): { status: number | null; output: string } {
  // As a user's shell runs it: no colours, and Nx's cache on even when this test runs under --skip-nx-cache.
  const { NX_SKIP_NX_CACHE: _skip, FORCE_COLOR: _color, ...inherited } = process.env;
  const env = {
    ...inherited,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_WORKSPACE_ROOT_PATH: root,
    ANTHROPIC_API_KEY: '',
    NX_INTERACTIVE: 'false',
    NO_COLOR: '1',
  };
  const result = spawnSync('node', [NX, ...args], { cwd: root, env, input: stdin, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');

beforeAll(() => {
  root = copyExampleWorkspace();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('nx g plan in the example workspace', () => {
  it('finds the generator unqualified, as the plugin is installed and registered', () => {
    const { status, output } = nx(['g', 'plan', 'api', '--dry-run', '--no-interactive']);
    expect(output).toContain('CREATE apps/api/product-development/current-feature/plan.md');
    expect(status).toBe(0);
  });

  it.each([
    ['--task-file -', ['api', '--task-file', '-'], 'flag-dash'],
    ['--task-file alone', ['api', '--task-file'], 'flag-alone'],
    ['--task-file=-', ['api', '--task-file=-'], 'flag-equals'],
    ['--task-file - with no project', ['--task-file', '-'], 'no-project'],
  ])('reads the task from stdin with %s', (_form, args, feature) => {
    const { status, output } = nx(['g', 'plan', ...args, '--template', 'task-blueprint', '--feature', feature, '--no-interactive'], TASK);
    expect(output).not.toMatch(/should be a 'string'|Unknown project/);
    expect(status).toBe(0);
    expect(read(`apps/api/product-development/${feature}/implementation-plan.md`)).toContain('X-Request-Id');
  });

  it('infers lint-plan on a project once it holds a plan, and Nx caches it', () => {
    const project = JSON.parse(nx(['show', 'project', 'api', '--json']).output.replace(/^[^{]*/, '')) as { targets: Record<string, { executor?: string }> };
    expect(project.targets['lint-plan']?.executor).toBe('@groundplan/nx:lint-plan');
    const first = nx(['run', 'api:lint-plan']);
    expect(first.status).toBe(0);
    expect(nx(['run', 'api:lint-plan']).output).toMatch(/existing outputs match the cache|local cache/i);
  });
});
