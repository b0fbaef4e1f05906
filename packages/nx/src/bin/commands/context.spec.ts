import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyExampleWorkspace } from '../../test-utils/example-workspace';
import { runCli } from '../run-cli';
import { contextCommand } from './context';

const root = copyExampleWorkspace();
process.env.NX_WORKSPACE_ROOT_PATH = root;
process.env.NX_DAEMON = 'false';

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let [stdout, stderr] = ['', ''];
  const code = await runCli([contextCommand], ['context', ...argv], {
    cwd: root,
    env: { ...process.env, NX_WORKSPACE_DATA_DIRECTORY: join(root, '.nx', 'workspace-data') },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('groundplan context', () => {
  it('prints the JSON shape, best first, with the pack that would be sent', async () => {
    writeFileSync(join(root, 'PRD.md'), '# Order export\n\nStaff can export the orders list as CSV from the dashboard.\n');
    const { code, stdout } = await run('--query-file', 'PRD.md', '--json', '--budget', '4000');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['affected', 'projects', 'files', 'specs', 'notes', 'tokens', 'budget', 'pack']);
    expect(json.projects[0]).toEqual({ name: json.affected, root: expect.any(String), score: 1, why: expect.any(String) });
    expect(json.files[0]).toEqual({ path: expect.stringMatching(/order/i), score: 1, why: expect.any(String), tokens: expect.any(Number) });
    expect(json.budget).toBe(4000);
    expect(json.tokens).toBeLessThanOrEqual(4000);
    expect(json.pack).toContain(`### ${json.files[0].path}`);
  });

  it('prints the pack as text for a named project, and caches the index in the workspace data folder', async () => {
    const { code, stdout } = await run('web', '--query', 'show the order status badge on the orders page');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^# Context: show the order status badge/);
    expect(stdout).toContain('## Affected project: web');
    expect(existsSync(join(root, '.nx', 'workspace-data', 'groundplan-code-index.json'))).toBe(true);
    const again = await run('web', '--query', 'show the order status badge on the orders page');
    expect(again.stdout).toBe(stdout);
  });

  it.each([
    [[], /--query TEXT or --query-file FILE/],
    [['--query', 'x', '--query-file', 'y'], /one of them/],
    [['--query', 'x', '--budget', 'lots'], /--budget must be a positive whole number/],
    [['--query-file', 'missing.md'], /cannot read --query-file missing.md/],
    [['a', 'b', '--query', 'x'], /at most one project/],
  ])('rejects %j with usage', async (argv, message) => {
    const { code, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: groundplan context');
  });

  it('names an unknown project and lists the known ones', async () => {
    const { code, stderr } = await run('nope', '--query', 'x');
    expect(code).toBe(1);
    expect(stderr).toMatch(/Project "nope" is not in the workspace's project graph\. Known projects: api, api-data-access/);
  });

  it("shows Nx's own error when the graph cannot be computed", async () => {
    writeFileSync(join(root, 'apps/api/project.json'), '{ "name": "api", ');
    const { code, stderr } = await run('--query', 'x');
    expect(code).toBe(1);
    expect(stderr).toMatch(/Nx could not compute the project graph of .*: Failed to process project graph/);
    // The cause Nx keeps in getErrors(): the broken file.
    expect(stderr).toContain('apps/api/project.json');
  });
});
