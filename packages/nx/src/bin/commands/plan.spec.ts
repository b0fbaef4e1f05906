import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { API_KEY } from '../../draft/claude/test-utils/fixtures';
import { readProvenance, splitFrontmatter } from '../../plan-file/frontmatter';
import { copyExampleWorkspace } from '../../test-utils/example-workspace';
import { startMessagesApiServer } from '@groundplan/test-kit/messages-api-server';
import { runCli } from '../run-cli';
import { planCommand } from './plan';

const root = copyExampleWorkspace();
process.env.NX_WORKSPACE_ROOT_PATH = root;
process.env.NX_DAEMON = 'false';
const FEATURE = 'apps/api/product-development/current-feature';
const PLAN = `${FEATURE}/plan.md`;
const CONTROLLER = 'apps/api/src/app/orders/orders.controller.ts';

async function run(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string } = {}) {
  let [stdout, stderr] = ['', ''];
  const code = await runCli([planCommand], ['plan', ...argv], {
    cwd: options.cwd ?? root,
    env: {
      ...process.env,
      ANTHROPIC_API_KEY: '',
      CI: 'true',
      GROUNDPLAN_MODEL: '',
      NX_WORKSPACE_DATA_DIRECTORY: join(root, '.nx', 'workspace-data'),
      ...options.env,
    },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: options.stdin === undefined ? undefined : Readable.from([options.stdin]),
  });
  return { code, stdout, stderr };
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');

describe('groundplan plan', () => {
  it('--dry-run prints the offline draft, writes nothing and calls no model, even with a key', async () => {
    const server = await startMessagesApiServer();
    try {
      const { code, stdout, stderr } = await run(['api', '--dry-run', '--provider', 'anthropic'], {
        env: { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: server.url },
      });
      expect(code).toBe(0);
      expect(stdout).toMatch(/^---\ngroundplan:\n {2}template: checklist/);
      expect(stderr).toContain(`Dry run: nothing written to ${PLAN}, no model called.`);
      expect(existsSync(join(root, PLAN))).toBe(false);
      expect(server.requests).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('writes the plan where nx g plan does, from a folder inside the workspace, and --json says what it is grounded in', async () => {
    const { code, stdout, stderr } = await run(['api', '--json', '--provider', 'offline'], { cwd: join(root, 'apps/api/src') });
    expect(stderr).toContain(`Groundplan: checklist plan for api`);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ path: PLAN, written: true, template: 'checklist', drafter: 'offline', grounding: { project: { name: 'api' } } });
    expect(json.grounding.files.map((file: { path: string }) => file.path)).toContain(CONTROLLER);
    expect(json.grounding.symbols).toContainEqual({ file: CONTROLLER, name: 'OrdersController', kind: 'class' });
    expect(json.text).toBe(read(PLAN));
    expect(readProvenance(splitFrontmatter(read(PLAN)).frontmatter)).toMatchObject({ template: 'checklist', project: 'api', drafter: 'offline' });
    // Written atomically: no temporary file is left beside it.
    expect(readdirSync(join(root, FEATURE)).sort()).toEqual(['JTBD.md', 'PRD.md', 'plan.md']);
  });

  it('refuses to overwrite an edited plan without --force, and with it keeps the edits as plan.md.bak', async () => {
    const edited = `${read(PLAN)}\n<!-- my notes -->\n`;
    writeFileSync(join(root, PLAN), edited);
    const refused = await run(['api']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${PLAN} already exists and may hold your edits. Re-run with --force to overwrite it`);
    expect(read(PLAN)).toBe(edited);

    const forced = await run(['api', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toBe(`Plan written to ${PLAN}\n`);
    expect(read(`${PLAN}.bak`)).toBe(edited);
    expect(read(PLAN)).not.toContain('my notes');
  });

  it('has Claude replace the offline draft with --provider anthropic', async () => {
    const server = await startMessagesApiServer();
    try {
      const body = splitFrontmatter(read(PLAN)).body.trim().replace('## Feature Summary\n\n', '## Feature Summary\n\nDrafted by Claude. ');
      server.reply({ text: body });
      const { code, stderr } = await run(['api', '--force', '--provider', 'anthropic'], {
        env: { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: server.url },
      });
      expect(stderr).not.toContain(API_KEY);
      expect(code).toBe(0);
      expect(server.messageRequests()).toHaveLength(1);
      expect(readProvenance(splitFrontmatter(read(PLAN)).frontmatter)?.drafter).toMatch(/^claude:/);
      expect(read(PLAN)).toContain('Drafted by Claude.');
    } finally {
      await server.close();
    }
  });

  it('reads a task from stdin for task-blueprint', async () => {
    const { code, stdout } = await run(['api', '--template', 'task-blueprint', '--task-file', '-', '--dry-run'], {
      stdin: 'Add a request id header to every API response.\n',
    });
    expect(code).toBe(0);
    expect(readProvenance(splitFrontmatter(stdout).frontmatter)).toMatchObject({ template: 'task-blueprint', inputs: { stdin: expect.any(String) } });
  });

  it.each([
    [['api', '--budget', 'lots'], 2, /--budget must be a whole number, not "lots"/],
    [['api', '--budget', '100'], 2, /Option --budget must be a whole number from 500/],
    [['api', '--provider', 'gpt'], 2, /Option --provider must be auto, anthropic or offline, not "gpt"/],
    [['api', '--template', 'nope'], 1, /Unknown template "nope"/],
    [['nope'], 1, /Unknown project "nope"/],
    [['api', '--task-file', '../../etc/passwd', '--template', 'task-blueprint'], 2, /--task-file .*outside the workspace/],
    [['api', '--provider', 'anthropic', '--force'], 1, /ANTHROPIC_API_KEY/],
  ])('%j exits %i with a message that names what is wrong', async (argv, exit, message) => {
    const before = read(PLAN);
    const { code, stderr } = await run(argv);
    expect(stderr).toMatch(message);
    expect(code).toBe(exit);
    expect(read(PLAN)).toBe(before);
  });
});
