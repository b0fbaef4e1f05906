import { exampleRoot, removeExampleRoot, resetExampleRoot } from '../../test-utils/example-root';
import { logger, type Tree } from '@nx/devkit';
import { FsTree, flushChanges } from 'nx/src/generators/tree';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { splitFrontmatter, readProvenance } from '../../plan-file/frontmatter';
import { loadBuiltInTemplates } from '../../templates/load-templates';
import { planGenerator } from './generator';
import { normalizeOptions } from '../../draft/plan-options';
import { findInputs } from '../../inputs/feature-inputs';
import { diskSource } from '../../utils/file-source';
import { treeSource } from '../../workspace/tree-source';
import { openWorkspace } from '../../session/open-workspace';
import { DEFAULT_BUDGET } from '../../context/build-context';
import { Readable } from 'node:stream';
import type { PlanGeneratorSchema } from './schema';

const FEATURE_DIR = 'apps/api/product-development/current-feature';
const PLACEHOLDERS = /\[FEATURE NAME\]|\{Task Title\}|\$ARGUMENTS|\bTODO\b|\bTBD\b|<%|\{\{/;

function newTree(): Tree {
  return new FsTree(exampleRoot, false);
}

async function generate(options: PlanGeneratorSchema, tree = newTree()): Promise<{ tree: Tree; text: (path: string) => string }> {
  await planGenerator(tree, { skipFormat: true, ...options });
  return { tree, text: (path) => tree.read(path, 'utf-8') ?? '' };
}

/** The plan drafted for the api project from a PRD alone (feature folder `x`). */
async function planForPrd(prd: string): Promise<string> {
  const tree = newTree();
  tree.write('apps/api/product-development/x/PRD.md', prd);
  const { text } = await generate({ project: 'api', feature: 'x' }, tree);
  return text('apps/api/product-development/x/plan.md');
}

/** `## Heading` titles in order, at a given depth. */
function headings(markdown: string, depth = 2): string[] {
  return [...markdown.matchAll(new RegExp(`^${'#'.repeat(depth)} (.+)$`, 'gm'))].map((m) => m[1].trim());
}

function sectionBody(markdown: string, title: string): string {
  const start = markdown.indexOf(`\n## ${title}\n`);
  const next = markdown.indexOf('\n## ', start + 4);
  return markdown
    .slice(start, next === -1 ? undefined : next)
    .split('\n')
    .slice(2)
    .join('\n')
    .trim();
}

beforeEach(() => resetExampleRoot());
afterAll(() => removeExampleRoot());

describe('plan generator on the example workspace', () => {
  it('writes a checklist plan grounded in the project graph and the code', async () => {
    const { tree, text } = await generate({ project: 'api' });
    const plan = text(`${FEATURE_DIR}/plan.md`);
    const { frontmatter, body } = splitFrontmatter(plan);
    const provenance = readProvenance(frontmatter)!;

    expect(provenance).toMatchObject({ template: 'checklist', project: 'api', feature: 'current-feature', drafter: 'offline' });
    expect(Object.keys(provenance.inputs!)).toEqual(
      expect.arrayContaining([`${FEATURE_DIR}/JTBD.md`, `${FEATURE_DIR}/PRD.md`, 'product-development/constitution.md']),
    );
    expect(headings(body)).toEqual([
      'Feature Summary',
      'Architecture Overview',
      'Key Technical Decisions',
      'Dependencies & Assumptions',
      'Implementation Checklist',
    ]);
    expect(headings(body, 3)).toEqual(['Backend', 'Frontend', 'Shared Code', 'Security', 'Testing']);
    expect(body).not.toMatch(PLACEHOLDERS);
    // Grounding: the orders code named by the PRD, the real dependencies and the real test target.
    expect(body).toContain('apps/api/src/app/orders/orders.controller.ts');
    expect(body).toContain('`api-data-access`');
    expect(body).toContain('nx run api:test');
    expect(body).toContain('```mermaid');
    expect(Object.keys(provenance.references!).length).toBeGreaterThan(3);
    for (const path of Object.keys(provenance.references!)) expect(existsSync(join(exampleRoot, path))).toBe(true);
    // Backend and frontend work both follow from the PRD; each item is a `- [ ]` task.
    expect(sectionBody(body, 'Implementation Checklist').match(/^- \[ \] /gm)!.length).toBeGreaterThan(8);
    expect(tree.listChanges().map((c) => c.path)).toEqual([`${FEATURE_DIR}/plan.md`]);
  });

  it('never writes what the checklist template forbids', async () => {
    const { text } = await generate({ project: 'api' });
    const plan = text(`${FEATURE_DIR}/plan.md`);
    const checklist = loadBuiltInTemplates().get('checklist')!;
    for (const rule of checklist.forbidden)
      expect({ rule: rule.id, match: plan.match(new RegExp(rule.pattern, 'iu'))?.[0] }).toEqual({ rule: rule.id, match: undefined });
  });

  it('writes only through the Tree: nothing is on disk until Nx flushes (what --dry-run relies on)', async () => {
    const { tree } = await generate({ project: 'api' });
    expect(existsSync(join(exampleRoot, FEATURE_DIR, 'plan.md'))).toBe(false);
    flushChanges(exampleRoot, tree.listChanges());
    expect(existsSync(join(exampleRoot, FEATURE_DIR, 'plan.md'))).toBe(true);
  });

  it.each([
    ['design-doc', { description: 'Let store admins export the filtered orders list to CSV from the orders page.' }, 'plan.md'],
    ['phased', {}, 'plan.md'],
    ['task-blueprint', { taskFile: `${FEATURE_DIR}/PRD.md` }, 'implementation-plan.md'],
    ['speckit', { inputs: [`${FEATURE_DIR}/PRD.md`, 'product-development/constitution.md'], feature: 'spec-feature' }, 'plan.md'],
  ])('generates a complete %s plan', async (template, extra, output) => {
    const tree = newTree();
    if (template === 'speckit') tree.write('apps/api/product-development/spec-feature/spec.md', readFileSync(join(exampleRoot, FEATURE_DIR, 'PRD.md')));
    const options = template === 'speckit' ? { feature: 'spec-feature' } : extra;
    const { text } = await generate({ project: 'api', template, ...options }, tree);
    const dir = template === 'speckit' ? 'apps/api/product-development/spec-feature' : FEATURE_DIR;
    const plan = text(`${dir}/${output}`);
    const { body } = splitFrontmatter(plan);
    const sections = loadBuiltInTemplates().get(template)!.sections;
    const present = sections.map((s) => headings(body, s.level).includes(s.title));
    expect(present.every(Boolean)).toBe(true);
    expect(body).not.toMatch(PLACEHOLDERS);
    expect(body).toContain('apps/api/src/app/orders/');
  });

  it('picks the affected project from a description and says why', async () => {
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    const { text } = await generate({ description: 'Add a CSV export endpoint to the orders controller of the API, restricted to admins.', feature: 'csv' });
    const messages = info.mock.calls.map((call) => String(call[0])).join('\n');
    info.mockRestore();
    expect(messages).toMatch(/picked project "api"/);
    expect(text('apps/api/product-development/csv/plan.md')).toContain('# Implementation Plan');
  });

  it('reads a workspace template from the plugin templates folder', async () => {
    const tree = newTree();
    tree.write(
      'tools/groundplan/templates/brief.md',
      '---\nid: brief\nname: Brief\ndescription: A one-section brief.\noutput: brief.md\ninputs:\n  anyOf: [[prd]]\nsections:\n  - title: Work\n    checklist: true\n---\n# Brief: <%= feature.title %>\n\n## Work\n\n<%= checklist(tasks.map((t) => t.title), "Nothing to do.") %>\n',
    );
    const { text } = await generate({ project: 'api', template: 'brief' }, tree);
    expect(text(`${FEATURE_DIR}/brief.md`)).toMatch(/^## Work\n\n- \[ \] /m);
  });

  it("summarises the feature by its problem's prose when it states no goal, not by a list's lead-in", async () => {
    const plan = await planForPrd(
      '# PRD: Orders export\n\n## Problem\n\nSupport staff export orders by hand — one page at a time. It takes an hour each week.\n\nThis creates real problems:\n\n- Exports miss orders.\n\n## Requirements\n\n- The orders list can be exported to CSV.\n',
    );
    expect(sectionBody(plan, 'Feature Summary')).toMatch(/^Support staff export orders by hand — one page at a time\. It takes an hour each week\.( |$)/);
  });

  it('summarises what the feature is to achieve (its first goals, without their ids) and the code the plan changes', async () => {
    const plan = await planForPrd(
      '# PRD: Orders export\n\n## Problem\n\nSupport staff export orders by hand — one page at a time.\n\n## Goals\n\n- G1: Staff download the filtered orders as one CSV file\n- G2: The file opens in Excel.\n- G3: Every export is audited.\n\n## Requirements\n\n- `OrdersController` must export orders as CSV.\n',
    );
    expect(sectionBody(plan, 'Feature Summary')).toBe(
      'Staff download the filtered orders as one CSV file. The file opens in Excel. The plan changes `OrdersController` in `api`.',
    );
  });

  it("names a numbered requirement as the PRD numbers it, by its section's initials", async () => {
    const plan = await planForPrd(
      '# PRD: Orders export\n\n## User stories\n\n- As an admin, I want to export orders so that I can reconcile them.\n\n## Functional requirements\n\n1. The orders controller must export orders as CSV.\n2. The export must keep the list filters.\n',
    );
    expect(plan).toMatch(/FR1: The orders controller must export orders as CSV/);
    expect(plan).toMatch(/FR2: The export must keep the list filters/);
  });

  it('names the bullets detailing a numbered requirement after it (FR2.1), and the next numbered one as the PRD numbers it', async () => {
    const plan = await planForPrd(
      '# PRD: Orders export\n\n## Functional requirements\n\n1. The orders controller must export orders as CSV.\n2. The file is built as follows:\n   - One row per order line.\n   - A header row with the column names.\n\n   Dates are written in ISO 8601.\n3. The export must keep the list filters.\n',
    );
    // Its bullets are requirements of their own; the lead-in goes with the change its first bullet went to.
    expect(plan).toMatch(/— FR1: [^\n]*; also FR2\.1, FR2\n/);
    expect(plan).toMatch(/\bFR2\.2\b/);
    expect(plan).toMatch(/\bFR3\b/);
    expect(plan).not.toMatch(/\bFR4\b|\bR\d/);
  });

  it("names an unnumbered requirement by its place in its section's list, not by an id the PRD does not have", async () => {
    const plan = await planForPrd(
      '# PRD: Orders export\n\n## User stories\n\n- As an admin, I want to export orders so that I can reconcile them.\n- As an auditor, I want the export logged.\n\n## Functional requirements\n\n1. The orders controller must export orders as CSV.\n',
    );
    expect(plan).toMatch(/\bUS2\b/);
    expect(plan).not.toMatch(/\bR[12]\b/);
  });

  it('treats input text as data, never as EJS', async () => {
    const tree = newTree();
    tree.write('apps/web/product-development/x/PRD.md', '# PRD: Injection\n\n## Requirements\n\n- The page must show <%= process.exit(1) %> literally.\n');
    const { text } = await generate({ project: 'web', feature: 'x' }, tree);
    expect(text('apps/web/product-development/x/plan.md')).toContain('<%= process.exit(1) %>');
  });

  it('overwrites an existing plan only with --force', async () => {
    const tree = newTree();
    tree.write(`${FEATURE_DIR}/plan.md`, '# My edited plan\n');
    await expect(generate({ project: 'api' }, tree)).rejects.toThrow(/plan\.md already exists.*--force/s);
    expect(tree.read(`${FEATURE_DIR}/plan.md`, 'utf-8')).toBe('# My edited plan\n');
    const { text } = await generate({ project: 'api', force: true }, tree);
    expect(text(`${FEATURE_DIR}/plan.md`)).toContain('## Implementation Checklist');
  });
});

describe('plan generator bad input: a clear error and nothing written', () => {
  const cases: Array<[string, PlanGeneratorSchema, (tree: Tree) => void, RegExp]> = [
    ['unknown project', { project: 'apii' }, () => undefined, /Unknown project "apii".*Did you mean "api"/s],
    ['no inputs', { project: 'web' }, () => undefined, /No inputs for template "checklist".*apps\/web\/product-development\/current-feature\/PRD\.md/s],
    ['empty input', { project: 'api' }, (tree) => tree.write(`${FEATURE_DIR}/PRD.md`, '  \n\n'), /Input .*PRD\.md is empty/],
    [
      'binary input',
      { project: 'api' },
      (tree) => tree.write(`${FEATURE_DIR}/PRD.md`, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])),
      /PRD\.md is not a text file/,
    ],
    [
      'oversized input',
      { project: 'api' },
      (tree) => tree.write(`${FEATURE_DIR}/PRD.md`, 'x'.repeat(300 * 1024)),
      /PRD\.md is 300 KiB, over the 256 KiB limit/,
    ],
    [
      'unknown template',
      { project: 'api', template: 'gantt' },
      () => undefined,
      /Unknown template "gantt".*checklist, design-doc, phased, speckit, task-blueprint/s,
    ],
    [
      'broken template YAML',
      { project: 'api', template: 'x' },
      (tree) => tree.write('tools/groundplan/templates/x.md', '---\nid: x\nname: [oops\n---\nbody'),
      /tools\/groundplan\/templates\/x\.md: invalid YAML frontmatter at line 3/,
    ],
    [
      'broken template EJS',
      { project: 'api', template: 'x' },
      (tree) =>
        tree.write(
          'tools/groundplan/templates/x.md',
          '---\nid: x\nname: X\ndescription: d\noutput: x.md\ninputs:\n  anyOf: [[prd]]\nsections: [Work]\n---\n## Work\n\n<%= nope( %>\n',
        ),
      /tools\/groundplan\/templates\/x\.md: EJS error/,
    ],
    [
      'missing task file',
      { project: 'api', template: 'task-blueprint', taskFile: 'missing/task.md' },
      () => undefined,
      /--task-file: missing\/task\.md does not exist/,
    ],
    ['no project and no text', {}, () => undefined, /No project given/],
  ];

  it.each(cases)('%s', async (_name, options, prepare, message) => {
    const tree = newTree();
    prepare(tree);
    const before = tree.listChanges().map((c) => c.path);
    await expect(generate(options, tree)).rejects.toThrow(message);
    expect(tree.listChanges().map((c) => c.path)).toEqual(before);
  });
});

describe('--dry-run (what Nx Console runs as the form changes)', () => {
  const dryRun = async <T>(run: () => Promise<T>): Promise<T> => {
    process.env.NX_DRY_RUN = 'true';
    try {
      return await run();
    } finally {
      delete process.env.NX_DRY_RUN;
    }
  };

  it('with a project, works out only the file: nothing is ranked, indexed or drafted', async () => {
    const codeIndex = join(exampleRoot, '.nx/workspace-data/groundplan-code-index.json');
    rmSync(codeIndex, { force: true });
    const { tree, text } = await dryRun(() => generate({ project: 'api' }));
    expect(tree.listChanges().map((change) => change.path)).toEqual([`${FEATURE_DIR}/plan.md`]);
    expect(text(`${FEATURE_DIR}/plan.md`)).not.toContain('## Implementation Checklist');
    expect(existsSync(codeIndex)).toBe(false);
  });

  it.each([
    ['unknown project', { project: 'apii' }, /Unknown project "apii".*Did you mean "api"/s],
    ['no inputs', { project: 'web' }, /No inputs for template "checklist"/],
  ] as const)('still says what a real run would: %s', async (_name, options, message) => {
    await expect(dryRun(() => generate(options))).rejects.toThrow(message);
  });

  it('runs no template code, with a project or without one (then it still picks the project)', async () => {
    const tree = newTree();
    const template =
      '---\nid: boom\nname: Boom\ndescription: Runs code.\noutput: plan.md\ninputs:\n  anyOf: [[prd], [description]]\nsections:\n  - title: Work\n---\n# <% throw new Error("template code ran") %>\n\n## Work\n';
    tree.write('tools/groundplan/templates/boom.md', template);
    await expect(generate({ project: 'api', template: 'boom' }, tree)).rejects.toThrow(/template code ran/);
    const named = await dryRun(() => generate({ project: 'api', template: 'boom', force: true }, tree));
    expect(named.text(`${FEATURE_DIR}/plan.md`)).toMatch(/^<!-- The boom plan for api/);
    const picked = await dryRun(() =>
      generate({ description: 'Export the filtered orders as CSV from the orders controller', template: 'boom', feature: 'csv', force: true }, tree),
    );
    expect(picked.tree.listChanges().map((change) => change.path)).toContain('apps/api/product-development/csv/plan.md');
  });

  it('still refuses to overwrite a plan', async () => {
    const tree = newTree();
    tree.write(`${FEATURE_DIR}/plan.md`, '# My edited plan\n');
    await expect(dryRun(() => generate({ project: 'api' }, tree))).rejects.toThrow(/plan\.md already exists.*--force/s);
  });
});

describe('--task-file -', () => {
  const normalize = (stdin: NodeJS.ReadableStream) =>
    normalizeOptions(openWorkspace(exampleRoot, { source: treeSource(newTree()) }), { project: 'api', template: 'task-blueprint', taskFile: '-' }, stdin);

  it('reads the task from stdin', async () => {
    const options = await normalize(Readable.from(['# Task: export endpoint\n']));
    expect(options.task).toEqual({ origin: 'stdin', text: '# Task: export endpoint\n' });
  });

  it('refuses an empty stdin, naming the option', async () => {
    const options = await normalize(Readable.from([]));
    expect(() => findInputs(diskSource(exampleRoot), { projectRoot: 'apps/api', feature: 'x', task: options.task })).toThrow(/Input --task-file is empty/);
  });

  it('refuses to wait on a terminal, and says to pipe the task in', async () => {
    await expect(normalize(Object.assign(Readable.from([]), { isTTY: true }))).rejects.toThrow(/Option --task-file=- reads stdin, but nothing was piped in/);
  });
});

it("defaults the budget to the engine's, as its schema says", async () => {
  const schema = JSON.parse(readFileSync(join(__dirname, 'schema.json'), 'utf8'));
  const options = await normalizeOptions(openWorkspace(exampleRoot, { source: treeSource(newTree()) }), { project: 'api' }, undefined);
  expect(options.budget).toBe(DEFAULT_BUDGET);
  expect(schema.properties.budget.default).toBe(DEFAULT_BUDGET);
});
