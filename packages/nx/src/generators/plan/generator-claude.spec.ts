import { exampleRoot, removeExampleRoot, resetExampleRoot } from '../../test-utils/example-root';
import { logger, type Tree } from '@nx/devkit';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_KEY } from '../../draft/claude/test-utils/fixtures';
import { readProvenance, splitFrontmatter } from '../../plan-file/frontmatter';
import { startMessagesApiServer, type MessagesApiServer } from '@groundplan/test-kit/messages-api-server';
import { planGenerator } from './generator';
import type { PlanGeneratorSchema } from './schema';

const PLAN = 'apps/api/product-development/current-feature/plan.md';
const ENV_KEYS = ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'CI', 'GROUNDPLAN_MODEL'] as const;
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]]));

let server: MessagesApiServer;
let output: string;

beforeEach(async () => {
  resetExampleRoot();
  server = await startMessagesApiServer();
  Object.assign(process.env, { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: server.url, CI: 'true', GROUNDPLAN_MODEL: '' });
  output = '';
  jest.spyOn(process.stderr, 'write').mockImplementation((text) => ((output += String(text)), true));
  jest.spyOn(logger, 'info').mockImplementation((line) => (output += `${line}\n`));
});

afterEach(async () => {
  jest.restoreAllMocks();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  await server.close();
});

afterAll(() => removeExampleRoot());

/** Runs the generator as `nx g` does: the Tree is written to disk, then the callback runs (never on --dry-run). */
async function generate(options: PlanGeneratorSchema): Promise<{ tree: Tree; callback: (() => void | Promise<void>) | void }> {
  const tree = new FsTree(exampleRoot, false);
  const callback = await planGenerator(tree, { project: 'api', skipFormat: true, ...options });
  return { tree, callback };
}

function flush(tree: Tree): string {
  flushChanges(exampleRoot, tree.listChanges());
  return readFileSync(join(exampleRoot, PLAN), 'utf8');
}

describe('plan generator with Claude', () => {
  it('sends nothing from the generator itself, which is all that --dry-run runs, even with a key set', async () => {
    const { tree, callback } = await generate({ provider: 'anthropic' });
    expect(callback).toBeInstanceOf(Function);
    expect(tree.listChanges().map((change) => change.path)).toEqual([PLAN]);
    expect(server.requests).toEqual([]);
    expect(existsSync(join(exampleRoot, PLAN))).toBe(false);
  });

  it("leaves the offline draft for Claude's plan, repaired once, with a key and a base URL", async () => {
    const { tree, callback } = await generate({});
    const offline = flush(tree);
    const body = splitFrontmatter(offline).body.trim();
    const claudes = body.replace('## Feature Summary\n\n', '## Feature Summary\n\nDrafted by Claude from the PRD. ');
    const withMissingFile = claudes.replace('apps/api/src/app/orders/orders.controller.ts', 'apps/api/src/app/orders/orders-csv.controller.ts');
    expect(withMissingFile).not.toBe(claudes);
    server.reply({ text: withMissingFile }, { text: claudes });

    await (callback as () => Promise<void>)();

    const written = readFileSync(join(exampleRoot, PLAN), 'utf8');
    const { frontmatter, body: writtenBody } = splitFrontmatter(written);
    expect(readProvenance(frontmatter)).toMatchObject({ template: 'checklist', project: 'api', drafter: 'claude:claude-sonnet-5-5' });
    expect(writtenBody.trim()).toBe(claudes);
    const [first, repair] = server.messageRequests();
    expect(first.body.model).toBe('claude-sonnet-5-5');
    expect(repair.body.messages!.at(-1)!.content).toMatch(/GP005 file-exists: .*orders-csv\.controller\.ts/);
    expect(output).toContain('drafting with Claude claude-sonnet-5-5 (model from default) because ANTHROPIC_API_KEY is set (provider "auto")');
    expect(output).toContain('repair round 1 of 2');
    expect(output).toMatch(/Claude claude-sonnet-5-5: 2 requests in [\d.]+s\n {2}tokens: input [\d,]+ · output [\d,]+ · cache write [\d,]+ · cache read [1-9]/);
    expect(output + written).not.toContain(API_KEY);
  });

  it('fails the command when errors remain after maxRepairs, with the plan written', async () => {
    const { tree, callback } = await generate({ maxRepairs: 0, model: 'claude-haiku-4-5' });
    const broken = splitFrontmatter(flush(tree)).body.replace('apps/api/src/app/orders/orders.controller.ts', 'apps/api/src/app/orders/nope.ts');
    server.reply({ text: broken });
    await expect((callback as () => Promise<void>)()).rejects.toThrow(
      `The plan at ${PLAN} was written, but lint-plan still finds errors in it (listed above).`,
    );
    expect(readFileSync(join(exampleRoot, PLAN), 'utf8')).toContain('apps/api/src/app/orders/nope.ts');
    expect(server.messageRequests()[0].body.model).toBe('claude-haiku-4-5');
    expect(output).toMatch(/plan\.md:\d+:\d+ {2}error {2}GP005 file-exists/);
  });

  it('stays offline with provider auto and no key, and says why', async () => {
    delete process.env.ANTHROPIC_API_KEY;
    const { callback } = await generate({});
    expect(callback).toBeUndefined();
    expect(output).toContain('drafted offline: ANTHROPIC_API_KEY is not set (provider "auto"); set it to draft with Claude.');
  });

  it('refuses provider anthropic without a key before anything is written', async () => {
    delete process.env.ANTHROPIC_API_KEY;
    const tree = new FsTree(exampleRoot, false);
    await expect(planGenerator(tree, { project: 'api', skipFormat: true, provider: 'anthropic' })).rejects.toThrow(/needs an API key: set ANTHROPIC_API_KEY/);
    expect(server.requests).toEqual([]);
  });
});
