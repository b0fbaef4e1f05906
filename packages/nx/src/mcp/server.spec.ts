import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { copyExampleWorkspace } from '../test-utils/example-workspace';

/**
 * `groundplan mcp` as an agent meets it: the SDK's own Client, over stdio, talking to the real CLI in a child
 * process, started from a folder inside a copy of examples/shop.
 */
const root = copyExampleWorkspace();
const PLAN = 'apps/api/product-development/current-feature/plan.md';
const CONTROLLER = 'apps/api/src/app/orders/orders.controller.ts';
const protocolErrors: Error[] = [];
let stderr = '';
let client: Client;

beforeAll(async () => {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key, value]) => value !== undefined && !/^(NX_WORKSPACE_ROOT_PATH|ANTHROPIC_)/.test(key)),
  ) as Record<string, string>;
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['-r', resolve(__dirname, '../test-utils/register-ts.cjs'), resolve(__dirname, '../bin/groundplan.ts'), 'mcp'],
    cwd: join(root, 'apps/api/src'),
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  client = new Client({ name: 'groundplan-spec', version: '1.0.0' });
  // A line on stdout that is not JSON-RPC reaches the client as an error: none may.
  client.onerror = (error) => protocolErrors.push(error);
  await client.connect(transport);
}, 60_000);

afterAll(async () => {
  await client?.close();
  rmSync(root, { recursive: true, force: true });
});

async function call(name: string, args: Record<string, unknown>): Promise<CallToolResult & { text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { ...result, text: result.content.map((part) => (part.type === 'text' ? part.text : '')).join('\n') };
}

describe('groundplan mcp', () => {
  it('lists four tools whose definitions stay under 1.5k tokens, and a prompt per template', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['groundplan_context', 'groundplan_plan_brief', 'groundplan_lint_plan', 'groundplan_write_plan']);
    // What an agent pays on every turn: the definitions as sent, at the engine's estimate of 4 characters a token.
    expect(Math.ceil(JSON.stringify(tools).length / 4)).toBeLessThan(1500);
    const { prompts } = await client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(['plan-checklist', 'plan-design-doc', 'plan-phased', 'plan-speckit', 'plan-task-blueprint']);
    const args = (name: string) => prompts.find((prompt) => prompt.name === name)!.arguments!.map((arg) => arg.name);
    expect(args('plan-task-blueprint')).toEqual(['project', 'feature', 'task']);
    expect(args('plan-checklist')).toEqual(['project', 'feature', 'description']);
  });

  it('groundplan_context: the order-export PRD, found by its feature folder, is grounded in the orders controller', async () => {
    const result = await call('groundplan_context', { feature: 'current-feature', budget: 4000 });
    expect(result.isError).toBeFalsy();
    const content = result.structuredContent as { project: string; files: Array<{ path: string; why: string; symbols: string[] }>; tokens: number };
    expect(content.project).toBe('api');
    expect(content.files.map((file) => file.path)).toContain(CONTROLLER);
    expect(content.files.find((file) => file.path === CONTROLLER)!.symbols).toContain('OrdersController');
    expect(content.tokens).toBeLessThanOrEqual(4000);
    expect(result.text).toContain(`### ${CONTROLLER}`);
  });

  it('groundplan_write_plan writes the offline draft, which lints clean', async () => {
    const result = await call('groundplan_write_plan', { project: 'api' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ path: PLAN, lint: { errorCount: 0 } });
    expect(readFileSync(join(root, PLAN), 'utf8')).toMatch(/^---\ngroundplan:\n {2}template: checklist\n {2}project: api\n/);
  });

  it('groundplan_lint_plan finds a seeded missing path at its line, in plan text not yet written', async () => {
    const missing = 'apps/api/src/app/orders/orders-csv-writer.ts';
    const text = readFileSync(join(root, PLAN), 'utf8').replace(/^### Backend\n\n/m, `### Backend\n\n- [ ] Implement the CSV writer in \`${missing}\`\n`);
    const line = text.split('\n').findIndex((row) => row.includes(missing)) + 1;
    const result = await call('groundplan_lint_plan', { path: PLAN, text });
    const findings = (result.structuredContent as { findings: Array<{ ruleId: string; line: number; message: string }> }).findings;
    expect(findings).toContainEqual(expect.objectContaining({ ruleId: 'GP005', line, message: expect.stringContaining(missing) }));
    expect(result.text).toContain(`${PLAN}:${line}:`);
  });

  it('groundplan_write_plan refuses to overwrite an edited plan, and with force keeps it as .bak', async () => {
    const edited = `${readFileSync(join(root, PLAN), 'utf8')}\n<!-- my notes -->\n`;
    writeFileSync(join(root, PLAN), edited);
    const refused = await call('groundplan_write_plan', { project: 'api', text: '# Plan\n' });
    expect(refused.isError).toBe(true);
    expect(refused.text).toMatch(new RegExp(`${PLAN} already exists and may hold your edits\\. Re-run with force: true`));
    expect(readFileSync(join(root, PLAN), 'utf8')).toBe(edited);

    const body = readFileSync(join(root, PLAN), 'utf8').replace(/^---[\s\S]*?\n---\n/, '');
    const forced = await call('groundplan_write_plan', { project: 'api', text: body, force: true });
    expect(forced.isError).toBeFalsy();
    expect(readFileSync(join(root, `${PLAN}.bak`), 'utf8')).toBe(edited);
    expect(readFileSync(join(root, PLAN), 'utf8')).toContain('drafter: agent:groundplan-spec');
  });

  it('groundplan_plan_brief for speckit carries the constitution, the sections and the output path', async () => {
    const dir = join(root, 'apps/api/product-development/order-export');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'spec.md'), readFileSync(join(root, 'apps/api/product-development/current-feature/PRD.md')));
    const result = await call('groundplan_plan_brief', { template: 'speckit', project: 'api', feature: 'order-export' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ path: 'apps/api/product-development/order-export/plan.md', exists: false, template: 'speckit' });
    expect((result.structuredContent as { inputs: unknown[] }).inputs).toContainEqual({ kind: 'constitution', origin: 'product-development/constitution.md' });
    expect(result.text).toContain('<input kind="constitution" origin="product-development/constitution.md">\n# Shop Engineering Constitution');
    expect(result.text).toContain('groundplan_write_plan');
  });

  it('the plan-checklist prompt is the brief, ready to act on', async () => {
    const prompt = await client.getPrompt({ name: 'plan-checklist', arguments: { project: 'api' } });
    const text = (prompt.messages[0].content as { text: string }).text;
    expect(text).toContain('<workspace_context project="api">');
    expect(text).toContain('<offline_draft>');
    expect(text).toContain('1. `## Feature Summary`');
  });

  it.each([
    ['an unknown project', 'groundplan_context', { project: 'nope', query: 'export orders' }, /Project "nope" is not in the workspace's project graph/],
    ['a plan path outside the workspace', 'groundplan_lint_plan', { path: '../../../../etc/passwd' }, /Option path: .*is outside the workspace/],
    [
      'an input outside the workspace',
      'groundplan_write_plan',
      { project: 'api', feature: 'escape', inputs: ['/etc/hosts'] },
      /--inputs: \/etc\/hosts is outside the workspace/,
    ],
    ['a budget of 0', 'groundplan_context', { query: 'export orders', budget: 0 }, /budget/],
    [
      'a feature that is not a folder name',
      'groundplan_plan_brief',
      { project: 'api', feature: '../../x' },
      /Argument feature "\.\.\/\.\.\/x" must be a folder name/,
    ],
    ['an unknown template', 'groundplan_plan_brief', { project: 'api', template: 'nope' }, /Unknown template "nope"/],
  ])('%s is a tool error that names it, and the next call still works', async (_what, tool, args, message) => {
    const result = await call(tool, args);
    expect(result.isError).toBe(true);
    expect(result.text).toMatch(message);
    const next = await call('groundplan_context', { query: 'export orders as CSV', budget: 2000 });
    expect(next.isError).toBeFalsy();
    expect(existsSync(join(root, 'apps/api/product-development/escape'))).toBe(false);
  });

  it('wrote nothing but JSON-RPC to stdout; its log went to stderr', () => {
    expect(protocolErrors).toEqual([]);
    expect(stderr).toContain(`groundplan mcp: serving ${root}`);
  });
});
