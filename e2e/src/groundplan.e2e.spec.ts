import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { startMessagesApiServer, type MessagesApiServer } from '@groundplan/test-kit/messages-api-server';
import { FEATURE_INPUTS, modelPlan } from './utils/fixture';
import { userEnv } from './utils/env';
import { expectExit, run, type RunResult } from './utils/run';
import {
  createWorkspace,
  DEFAULT_NX_VERSION,
  NX_VERSION_VARIABLE,
  PLUGIN_VERSION_VARIABLE,
  requiredEnv,
  type FeatureInput,
  type TestWorkspace,
} from './utils/workspace';

/**
 * @groundplan/nx as a user meets it: installed from a registry (the local one the global setup published this
 * build to) into a workspace it has never seen, on the Nx version GP_E2E_NX_VERSION names. One workspace per
 * run, shared by the scenarios in the order a user would go: add, generate, lint, draft with Claude. A scenario
 * that needs a plan of its own writes it to a feature folder of its own; one that edits a file puts it back, so
 * that each later scenario finds the workspace as a user would have left it.
 */

const NX_VERSION = process.env[NX_VERSION_VARIABLE] ?? DEFAULT_NX_VERSION;
const PLUGIN = '@groundplan/nx';
const PROJECT = 'api';
const PROJECT_ROOT = 'apps/api';
/** A file in another project that the offline plan references, so a change to it must reach lint-plan's cache inputs. */
const REFERENCED_FILE = 'libs/orders-data/src/lib/orders-repository.ts';
const API_KEY = 'sk-ant-api03-e2e-0123456789abcdefghijklmnopqrstuvwxyz';

const featureDir = (feature: string) => `${PROJECT_ROOT}/product-development/${feature}`;
const planPath = (feature: string, file = 'plan.md') => `${featureDir(feature)}/${file}`;

let workspace: TestWorkspace;

beforeAll(async () => {
  workspace = await createWorkspace(NX_VERSION);
}, 10 * 60_000);

afterAll(() => workspace?.dispose());

describe(`${PLUGIN} in a fresh workspace on Nx ${NX_VERSION}`, () => {
  it('runs on the Nx major asked for', () => {
    expect(workspace.nxVersion().split('.')[0]).toBe(/^\d+/.exec(NX_VERSION)?.[0]);
  });

  describe('nx add', () => {
    it('installs the published package and registers the plugin in nx.json', async () => {
      expectExit(await workspace.nx(['add', PLUGIN]), 'success');

      expect(workspace.readJson<{ version: string }>(`node_modules/${PLUGIN}/package.json`).version).toBe(requiredEnv(PLUGIN_VERSION_VARIABLE));
      expect(pluginEntries(workspace)).toHaveLength(1);
    });

    it('changes nothing when run again', async () => {
      const before = ['nx.json', 'package.json'].map((file) => workspace.read(file));
      expectExit(await workspace.nx(['add', PLUGIN]), 'success');
      expect(['nx.json', 'package.json'].map((file) => workspace.read(file))).toEqual(before);
      expect(pluginEntries(workspace)).toHaveLength(1);
    });

    // Nx's `nx add` runs the init generator without the options given to it (Nx 22–24), so the agents are
    // registered by running init again, as the README says.
    it('init --agents claude registers the MCP server in .mcp.json, and a client started from that entry lists the tools', async () => {
      expectExit(await workspace.nx(['g', `${PLUGIN}:init`, '--agents', 'claude']), 'success');
      const entry = workspace.readJson<{ mcpServers: Record<string, { command: string; args: string[] }> }>('.mcp.json').mcpServers.groundplan;
      expect(entry).toEqual({ type: 'stdio', command: 'npx', args: ['groundplan', 'mcp'] });

      const env = Object.fromEntries(Object.entries(userEnv()).filter((pair): pair is [string, string] => pair[1] !== undefined));
      const client = new Client({ name: 'groundplan-e2e', version: '1.0.0' });
      await client.connect(new StdioClientTransport({ command: entry.command, args: entry.args, cwd: workspace.root, env, stderr: 'pipe' }));
      try {
        const { tools } = await client.listTools();
        expect(tools.map((tool) => tool.name)).toEqual(['groundplan_context', 'groundplan_plan_brief', 'groundplan_lint_plan', 'groundplan_write_plan']);
      } finally {
        await client.close();
      }
    });

    it('runs on the workspace’s own Nx: its @nx/devkit is of the same major, and npm ls finds no problem', async () => {
      const devkit = require.resolve('@nx/devkit/package.json', { paths: [workspace.path(`node_modules/${PLUGIN}`)] });
      const major = (version: string) => version.split('.')[0];
      expect(major(JSON.parse(readFileSync(devkit, 'utf8')).version)).toBe(major(workspace.nxVersion()));
      const ls = await workspace.npm(['ls', '--all', '--json']);
      expect(jsonOutput<{ problems?: string[] }>(ls).problems ?? []).toEqual([]);
      expectExit(ls, 'success');
    });
  });

  describe('nx g plan with the offline drafter', () => {
    it('nx g @groundplan/nx:plan <project> writes a checklist plan grounded in the workspace', async () => {
      workspace.writeFeature(PROJECT_ROOT, 'order-export', ['jtbd', 'prd']);
      const result = await workspace.nx(['g', `${PLUGIN}:plan`, PROJECT, '--feature', 'order-export']);

      expectExit(result, 'success');
      expect(result.output).toContain(`CREATE ${planPath('order-export')}`);
      const plan = workspace.read(planPath('order-export'));
      expect(provenance(plan)).toMatchObject({ template: 'checklist', project: PROJECT, drafter: 'offline' });
      expect(sectionTitles(plan)).toEqual([
        'Feature Summary',
        'Architecture Overview',
        'Key Technical Decisions',
        'Dependencies & Assumptions',
        'Implementation Checklist',
      ]);
      // The code the PRD is about, found through the project graph and the imports, across projects.
      expect(plan).toContain('`apps/api/src/orders/orders.controller.ts`');
      expect(plan).toContain(`\`${REFERENCED_FILE}\``);
    });

    it('nx g plan <project> (unqualified) runs the same generator', async () => {
      workspace.writeFeature(PROJECT_ROOT, 'order-export-unqualified', ['jtbd', 'prd']);
      const result = await workspace.nx(['g', 'plan', PROJECT, '--feature', 'order-export-unqualified']);

      expectExit(result, 'success');
      expect(provenance(workspace.read(planPath('order-export-unqualified')))).toMatchObject({ template: 'checklist', drafter: 'offline' });
    });

    it('--dry-run writes nothing and calls no model, even with an API key set', async () => {
      workspace.writeFeature(PROJECT_ROOT, 'dry-run', ['jtbd', 'prd']);
      await withMessagesApi(async (server) => {
        const result = await workspace.nx(['g', `${PLUGIN}:plan`, PROJECT, '--feature', 'dry-run', '--dry-run'], { env: claudeEnv(server) });

        expectExit(result, 'success');
        expect(result.output).toContain(`CREATE ${planPath('dry-run')}`);
        expect(result.output).toMatch(/no changes were made/i);
        expect(readdirSync(workspace.path(featureDir('dry-run'))).sort()).toEqual(['JTBD.md', 'PRD.md']);
        expect(server.requests).toEqual([]);
      });
    });
  });

  describe('the inferred lint-plan target', () => {
    it('is on the project that holds plans, cached', async () => {
      const result = await workspace.nx(['show', 'project', PROJECT, '--json']);

      expectExit(result, 'success');
      const { targets } = jsonOutput<{ targets: Record<string, { executor?: string; cache?: boolean }> }>(result);
      expect(targets['lint-plan']).toMatchObject({ executor: `${PLUGIN}:lint-plan`, cache: true });
    });

    it('passes, is read from the cache the second time, and runs again when a file a plan references changes', async () => {
      const lintAll = () => workspace.nx(['run-many', '-t', 'lint-plan', '--outputStyle=static']);
      const first = await lintAll();
      expectExit(first, 'success');
      expect(cacheUse(first)).toEqual({ cached: 0, total: 1 });

      const second = await lintAll();
      expectExit(second, 'success');
      expect(cacheUse(second)).toEqual({ cached: 1, total: 1 });
      expect(second.output).toMatch(/\[(local cache|existing outputs match the cache)/);

      expect(Object.keys(provenance(workspace.read(planPath('order-export'))).references ?? {})).toContain(REFERENCED_FILE);
      const original = workspace.read(REFERENCED_FILE);
      workspace.write(REFERENCED_FILE, `${original}\nexport const ORDERS_PAGE_SIZE = 100;\n`);
      try {
        const third = await lintAll();
        // A warning, not an error: the plan still holds, but the change is reported on the file it names.
        expectExit(third, 'success');
        expect(cacheUse(third)).toEqual({ cached: 0, total: 1 });
        expect(lineWith(third, REFERENCED_FILE, 'GP009')).toBeDefined();
      } finally {
        workspace.write(REFERENCED_FILE, original);
      }
    });

    it('fails on a plan edited to reference a missing file, naming the path and the line, and writes SARIF', async () => {
      const missing = 'apps/api/src/orders/orders-csv-writer.ts';
      const path = planPath('order-export');
      const original = workspace.read(path);
      const edited = original.replace(/^### Backend\n\n/m, `### Backend\n\n- [ ] Implement the CSV writer in \`${missing}\`\n`);
      expect(edited).not.toBe(original);
      const line = edited.split('\n').findIndex((text) => text.includes(missing)) + 1;
      workspace.write(path, edited);
      try {
        const stylish = await workspace.nx(['run', `${PROJECT}:lint-plan`, '--outputStyle=static']);
        expectExit(stylish, 'failure');
        expect(stylish.output).toContain(path);
        expect(lineWith(stylish, missing, new RegExp(`(^|\\D)${line}:\\d+`), 'GP005')).toBeDefined();

        const sarifFile = 'reports/lint-plan.sarif';
        const sarifRun = await workspace.nx(['run', `${PROJECT}:lint-plan`, '--format', 'sarif', '--outputFile', sarifFile, '--outputStyle=static']);
        expectExit(sarifRun, 'failure');
        const sarif = workspace.readJson<SarifLog>(sarifFile);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].tool.driver.rules?.map((rule) => rule.id)).toContain('GP005');
        const result = sarif.runs[0].results.find((r) => r.ruleId === 'GP005');
        expect(result).toMatchObject({ level: 'error', message: { text: expect.stringContaining(missing) } });
        const location = result!.locations[0].physicalLocation;
        expect(location.artifactLocation.uri).toContain(path);
        expect(location.region.startLine).toBe(line);
      } finally {
        // Later scenarios lint the project and expect it clean.
        workspace.write(path, original);
      }
    });
  });

  describe('lint-plan against a base, in nx affected', () => {
    it('reports an item ticked with nothing done at its line; once done it passes, and a second run is a cache hit', async () => {
      const author = { GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com' };
      const git = async (...args: string[]) => {
        const result = await run('git', args, { cwd: workspace.root, env: { ...userEnv(), ...author } });
        expectExit(result, 'success');
        return result.stdout.trim();
      };
      await git('init', '-q');
      await git('add', '-A');
      await git('commit', '-q', '-m', 'base');
      const base = await git('rev-parse', 'HEAD');
      const path = planPath('order-export');
      const [plan, referenced] = [workspace.read(path), workspace.read(REFERENCED_FILE)];
      const ticked = plan.replace(/^### Backend\n\n/m, `### Backend\n\n- [x] Page the order list in \`${REFERENCED_FILE}\`\n`);
      expect(ticked).not.toBe(plan);
      const line = ticked.split('\n').findIndex((text) => text.startsWith('- [x] Page the order list')) + 1;
      const affected = () => workspace.nx(['affected', '-t', 'lint-plan', '--base', base, '--against', base, '--outputStyle=static']);
      workspace.write(path, ticked);
      try {
        const phantom = await affected();
        expectExit(phantom, 'failure');
        expect(phantom.output).toContain(path);
        expect(lineWith(phantom, new RegExp(`(^|\\D)${line}:\\d+`), 'GP011')).toBeDefined();

        workspace.write(REFERENCED_FILE, `${referenced}\nexport const ORDER_PAGE_SIZE = 50;\n`);
        const done = await affected();
        expectExit(done, 'success');
        expect(lineWith(done, 'GP011')).toBeUndefined();
        expect(cacheUse(done)).toEqual({ cached: 0, total: 1 });

        const again = await affected();
        expectExit(again, 'success');
        expect(cacheUse(again)).toEqual({ cached: 1, total: 1 });
      } finally {
        workspace.write(path, plan);
        workspace.write(REFERENCED_FILE, referenced);
      }
    });
  });

  describe('nx g plan with Claude', () => {
    it('writes the model’s plan after one repair round, with ANTHROPIC_BASE_URL on a local Messages API', async () => {
      const feature = 'order-export-claude';
      const newFile = '`apps/api/src/orders/orders-csv.ts`';
      workspace.writeFeature(PROJECT_ROOT, feature, ['jtbd', 'prd']);
      await withMessagesApi(
        async (server) => {
          // First a plan that names a file that does not exist; then the repair, which marks it new.
          server.reply({ text: modelPlan(newFile) }, { text: modelPlan(`${newFile} (new)`) });
          const result = await workspace.nx(['g', `${PLUGIN}:plan`, PROJECT, '--feature', feature], { env: claudeEnv(server) });

          expectExit(result, 'success');
          const plan = workspace.read(planPath(feature));
          expect(plan).toContain(`${newFile} (new)`);
          expect(provenance(plan).drafter).toMatch(/^claude:/);
          const [draft, repair] = server.messageRequests();
          expect(server.messageRequests()).toHaveLength(2);
          expect(server.pending()).toBe(0);
          // The prompt is grounded in this workspace's code, and the repair round sends lint's finding back.
          expect(draft.raw).toContain(REFERENCED_FILE);
          const repairTurn = JSON.stringify(repair.body.messages?.at(-1)?.content);
          expect(repairTurn).toContain('GP005');
          expect(repairTurn).toContain('apps/api/src/orders/orders-csv.ts');
          expect(server.requests.every((request) => request.apiKey === API_KEY)).toBe(true);
          expect(result.output).not.toContain(API_KEY);
          expect(plan).not.toContain(API_KEY);
        },
        { apiKey: API_KEY },
      );
    });
  });

  describe('every built-in template', () => {
    const templates: Array<{ template: string; inputs: FeatureInput[]; args?: string[]; stdin?: string; output?: string }> = [
      { template: 'checklist', inputs: ['jtbd', 'prd'] },
      { template: 'design-doc', inputs: [], args: ['--description', 'Add CSV export of the filtered orders to the api, reusing OrdersRepository.findAll.'] },
      { template: 'phased', inputs: ['prd'] },
      // The task piped in on stdin. `--task-file=-`, not `--task-file -`: Nx's argument parser reads a lone `-`
      // after an option as no value at all, and the schema then rejects `taskFile: true`.
      { template: 'task-blueprint', inputs: [], args: ['--task-file=-'], stdin: FEATURE_INPUTS.task, output: 'implementation-plan.md' },
      { template: 'speckit', inputs: ['spec', 'constitution'] },
    ];
    const plans = templates.map(({ template, output = 'plan.md' }) => planPath(`template-${template}`, output));

    it.each(templates)('$template generates a plan', async ({ template, inputs, args = [], stdin, output = 'plan.md' }) => {
      const feature = `template-${template}`;
      workspace.writeFeature(PROJECT_ROOT, feature, inputs);
      const generate = await workspace.nx(['g', `${PLUGIN}:plan`, PROJECT, '--feature', feature, '--template', template, ...args], { input: stdin });
      expectExit(generate, 'success');
      expect(provenance(workspace.read(planPath(feature, output)))).toMatchObject({ template, project: PROJECT, drafter: 'offline' });
    });

    // One run over every plan generated above (one that was not is its own test's failure).
    it('each plan lints clean: no error, no warning (groundplan lint, the package bin)', async () => {
      const generated = plans.filter((plan) => workspace.exists(plan));
      expect(generated).not.toEqual([]);
      const lint = await workspace.npx(['groundplan', 'lint', ...generated, '--format', 'json']);
      const report = jsonOutput<{ results: Array<{ file: string; findings: unknown[] }> }>(lint);
      const findings = Object.fromEntries(report.results.map((result) => [result.file, result.findings]));
      expect(findings).toEqual(Object.fromEntries(generated.map((plan) => [plan, []])));
      expectExit(lint, 'success');
    });
  });
});

function pluginEntries(workspace: TestWorkspace): unknown[] {
  const plugins = workspace.readJson<{ plugins?: Array<string | { plugin: string }> }>('nx.json').plugins ?? [];
  return plugins.filter((entry) => (typeof entry === 'string' ? entry : entry.plugin) === PLUGIN);
}

interface Provenance {
  template?: string;
  project?: string;
  drafter?: string;
  references?: Record<string, string>;
}

/** The plan's `groundplan:` frontmatter block. */
function provenance(plan: string): Provenance {
  const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(plan)?.[1];
  const block = frontmatter === undefined ? undefined : (parse(frontmatter) as { groundplan?: Provenance } | null)?.groundplan;
  if (!block) throw new Error(`The plan has no groundplan frontmatter:\n${plan.slice(0, 400)}`);
  return block;
}

/** A command's stdout as JSON; when it is not, the failure shows what the command printed instead. */
function jsonOutput<T>(result: RunResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`\`${result.command}\` (exit ${result.code}) did not print JSON. Its output:\n${result.output}`);
  }
}

function sectionTitles(plan: string): string[] {
  return [...plan.matchAll(/^## (.+)$/gm)].map((match) => match[1].trim());
}

/** How many tasks Nx read from its cache, from the summary line both Nx 22 and 24 print. */
function cacheUse(result: RunResult): { cached: number; total: number } {
  const summary = /read the output from the cache instead of running the command for (\d+) out of (\d+) tasks/.exec(result.output);
  const ran = /Successfully ran target \S+ for (?:project \S+|(\d+) projects?)/.exec(result.output);
  if (summary) return { cached: Number(summary[1]), total: Number(summary[2]) };
  if (!ran) throw new Error(`No Nx run summary in the output of \`${result.command}\`:\n${result.output}`);
  return { cached: 0, total: Number(ran[1] ?? 1) };
}

/** The first output line that holds every one of the fragments (a finding: its path, line and rule). */
function lineWith(result: RunResult, ...fragments: Array<string | RegExp>): string | undefined {
  const holds = (line: string, fragment: string | RegExp) => (typeof fragment === 'string' ? line.includes(fragment) : fragment.test(line));
  return result.output.split('\n').find((line) => fragments.every((fragment) => holds(line, fragment)));
}

function claudeEnv(server: MessagesApiServer): NodeJS.ProcessEnv {
  return { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: server.url };
}

async function withMessagesApi(test: (server: MessagesApiServer) => Promise<void>, options: { apiKey?: string } = {}): Promise<void> {
  const server = await startMessagesApiServer(options);
  try {
    await test(server);
  } finally {
    await server.close();
  }
}

/** The parts of a SARIF 2.1.0 log the assertions read. */
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { name: string; rules?: Array<{ id: string }> } };
    results: Array<{
      ruleId: string;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }>;
    }>;
  }>;
}
