import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { copyExampleWorkspace } from '../../test-utils/example-workspace';
import { runCli } from '../run-cli';
import { promptCommand } from './prompt';

const root = copyExampleWorkspace();
process.env.NX_WORKSPACE_ROOT_PATH = root;
process.env.NX_DAEMON = 'false';
const PRD = 'apps/api/product-development/current-feature/PRD.md';
const PLANTED = 'sk_live_51HcQpLkPlantedSecret00';
appendFileSync(join(root, PRD), `\nSandbox payments key for QA: STRIPE_SECRET_KEY=${PLANTED}\n`);

async function run(argv: string[], env: NodeJS.ProcessEnv = {}, stdin?: string) {
  return runIn(root, argv, env, stdin);
}

async function runIn(cwd: string, argv: string[], env: NodeJS.ProcessEnv = {}, stdin?: string) {
  let [stdout, stderr] = ['', ''];
  const code = await runCli([promptCommand], ['prompt', ...argv], {
    cwd,
    env: { ...process.env, GROUNDPLAN_MODEL: '', NX_WORKSPACE_DATA_DIRECTORY: join(root, '.nx', 'workspace-data'), ...env },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: stdin === undefined ? undefined : Readable.from([stdin]),
  });
  return { code, stdout, stderr };
}

describe('groundplan prompt', () => {
  it('prints the prompt a person can read: rules, then the cached context, the offline draft and the inputs as data', async () => {
    const { code, stdout, stderr } = await run(['api']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^=== system ===\nYou are a senior software engineer/);
    expect(stdout).toContain('1. `## Feature Summary`');
    const order = [
      '=== user ===',
      '<workspace_context project="api">',
      '[cache breakpoint',
      '<offline_draft>\n# Implementation Plan',
      `<input kind="jtbd"`,
      `<input kind="prd" origin="${PRD}">`,
    ];
    const positions = order.map((marker) => stdout.indexOf(marker));
    expect(Object.fromEntries(order.map((marker, i) => [marker, positions[i] >= 0]))).toEqual(Object.fromEntries(order.map((m) => [m, true])));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(stdout).not.toContain(PLANTED);
    expect(stdout).toContain('STRIPE_SECRET_KEY=[REDACTED');
  });

  it('writes the Messages API request body as JSON to a file, for the configured model', async () => {
    const { code, stderr } = await run(['api', '--json', '--output', 'prompt.json', '--no-offline-draft'], { GROUNDPLAN_MODEL: 'claude-haiku-4-5' });
    expect(code).toBe(0);
    expect(stderr).toBe('Prompt written to prompt.json.\n');
    const body = JSON.parse(readFileSync(join(root, 'prompt.json'), 'utf8'));
    expect(Object.keys(body)).toEqual(['model', 'max_tokens', 'system', 'messages']);
    expect(body.model).toBe('claude-haiku-4-5');
    const blocks = body.messages[0].content;
    expect(blocks[0].cache_control).toEqual({ type: 'ephemeral' });
    expect(blocks.map((b: { text: string }) => b.text).join('')).not.toMatch(/<\/?offline_draft>/);
  });

  it('finds the affected project from a description, and reads a task from stdin', async () => {
    const { code, stdout } = await run(
      ['--template', 'task-blueprint', '--task-file', '-', '--description', 'Show the order status badge on the orders page'],
      {},
      'Add a status badge to OrdersPage.\n',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/<workspace_context project="[\w-]+">/);
    expect(stdout).toContain('<input kind="task" origin="stdin">\nAdd a status badge to OrdersPage.\n</input>');
    expect(stdout).toContain('Template: ');
  });

  it.each([
    [[], /name a project, or give --description/],
    [['api', 'web'], /at most one project/],
    [['api', '--budget', '0'], /Option --budget must be a whole number from 500/],
    [['api', '--feature', '../web'], /Option --feature "\.\.\/web" must be a folder name/],
    [['api', '--task-file', 'missing.md'], /cannot read --task-file missing.md/],
  ])('rejects %j with usage', async (argv, message) => {
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: groundplan prompt');
  });

  it('names an unknown project and the closest ones', async () => {
    const { code, stderr } = await run(['apii']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/Unknown project "apii"\. Did you mean "api"/);
  });

  it('runs from a folder inside the workspace, with comments in nx.json (as Nx allows)', async () => {
    const nxJson = readFileSync(join(root, 'nx.json'), 'utf8');
    writeFileSync(join(root, 'nx.json'), nxJson.replace(/^\{/, "{\n  // the shop's settings"));
    try {
      const { code, stdout, stderr } = await runIn(join(root, 'apps/api/src'), ['api', '--no-offline-draft']);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      expect(stdout).toContain('<workspace_context project="api">');
    } finally {
      writeFileSync(join(root, 'nx.json'), nxJson);
    }
  });
});
