import { exampleRoot, removeExampleRoot, resetExampleRoot } from '../../test-utils/example-root';
import type { Tree } from '@nx/devkit';
import { FsTree } from 'nx/src/generators/tree';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { planGenerator } from './generator';
import type { PlanGeneratorSchema } from './schema';

/**
 * The generator under hostile and careless options, on a real workspace: each row used to exit 0 with a
 * file from outside the workspace or a secret in plan.md, hang, crash, or write before failing.
 */
const FEATURE_DIR = 'apps/api/product-development/current-feature';
const OUTSIDE = join(dirname(exampleRoot), `groundplan-outside-${process.pid}.md`);
const OUTSIDE_MARK = 'OUTSIDE-THE-WORKSPACE-0xC0FFEE';

beforeEach(() => {
  resetExampleRoot();
  writeFileSync(OUTSIDE, `# PRD\n${OUTSIDE_MARK}\n`);
  writeFileSync(join(exampleRoot, '.env'), 'DB_PASS=plainleak999\n');
  writeFileSync(join(exampleRoot, '.env.production'), 'STRIPE_SECRET_KEY=sk_live_abcdefghijklmnop1234\n');
});
afterAll(() => {
  rmSync(OUTSIDE, { force: true });
  removeExampleRoot();
});

const newTree = (): Tree => new FsTree(exampleRoot, false);

async function generate(options: PlanGeneratorSchema, tree = newTree()) {
  await planGenerator(tree, { skipFormat: true, provider: 'offline', ...options });
  return tree;
}

describe('refused before anything is written, with one line naming the option', () => {
  const rel = (path: string) => join('../'.repeat(12), path);
  const cases: Array<[string, PlanGeneratorSchema, () => void, RegExp]> = [
    ['--inputs ../../etc/passwd', { project: 'api', inputs: [rel('etc/passwd')] }, () => undefined, /--inputs: .*outside the workspace/],
    ['--inputs to a sibling folder', { project: 'api', inputs: [`../${OUTSIDE.split('/').pop()}`] }, () => undefined, /outside the workspace/],
    ['--inputs through a symlink out', { project: 'api', inputs: ['docs/PRD.md'] }, () => linkOut('docs/PRD.md'), /resolves outside the workspace/],
    ['PRD.md in the feature folder linked out', { project: 'api' }, () => linkOut(`${FEATURE_DIR}/PRD.md`), /resolves outside the workspace/],
    ['--inputs /dev/zero via ../', { project: 'api', inputs: [rel('dev/zero')] }, () => undefined, /outside the workspace/],
    ['--inputs a directory', { project: 'api', inputs: ['apps/api'] }, () => undefined, /--inputs \(apps\/api\) is a directory, not a regular file/],
    ['a FIFO named PRD.md', { project: 'api' }, () => fifo(`${FEATURE_DIR}/PRD.md`), /FIFO/],
    ['--inputs .env', { project: 'api', inputs: ['.env'] }, () => undefined, /\.env is a secrets file/],
    [
      '--task-file .env.production',
      { project: 'api', template: 'task-blueprint', taskFile: '.env.production' },
      () => undefined,
      /\.env\.production is a secrets file/,
    ],
    [
      '--task-file /dev/zero',
      { project: 'api', template: 'task-blueprint', taskFile: '/dev/zero' },
      () => undefined,
      /--task-file: \/dev\/zero is outside the workspace/,
    ],
    ['--task-file ../ out', { project: 'api', template: 'task-blueprint', taskFile: rel('etc/hostname') }, () => undefined, /outside the workspace/],
    [
      '5,000 nested block quotes in PRD.md',
      { project: 'api' },
      () => writeFileSync(join(exampleRoot, FEATURE_DIR, 'PRD.md'), `# PRD\n${'>'.repeat(5000)} x\n`),
      /levels deep at line 2/,
    ],
    ['--maxRepairs -1', { project: 'api', maxRepairs: -1 }, () => undefined, /--maxRepairs must be a whole number from 0 to 10/],
    ['--budget 0', { project: 'api', budget: 0 }, () => undefined, /--budget must be a whole number/],
    ['--timeout -5', { project: 'api', timeout: -5 }, () => undefined, /--timeout must be a whole number/],
    ['--idleTimeout 1.5', { project: 'api', idleTimeout: 1.5 }, () => undefined, /--idleTimeout must be a whole number/],
    ['--provider bogus', { project: 'api', provider: 'bogus' as never }, () => undefined, /--provider must be auto, anthropic or offline/],
  ];

  it.each(cases)('%s', async (_name, options, prepare, message) => {
    prepare();
    const tree = newTree();
    const error = await generate(options, tree).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(message);
    expect(error!.message).not.toContain(OUTSIDE_MARK);
    expect(error!.message.split('\n')).toHaveLength(1);
    expect(tree.listChanges()).toEqual([]);
  });
});

function linkOut(path: string): void {
  mkdirSync(dirname(join(exampleRoot, path)), { recursive: true });
  rmSync(join(exampleRoot, path), { force: true });
  symlinkSync(OUTSIDE, join(exampleRoot, path));
}

function fifo(path: string): void {
  rmSync(join(exampleRoot, path), { force: true });
  execFileSync('mkfifo', [join(exampleRoot, path)]);
}

describe('secrets in the inputs never reach plan.md', () => {
  it.each([
    ['a connection string with a password', 'Connect to postgres://admin:pw@db/orders for the export.', 'admin:pw@'],
    ['an env-style password', 'The job reads DB_PASS=plainleak999 from staging.', 'plainleak999'],
    ['a YAML password', 'Config sample:\n\n    password: hunter2isweak\n', 'hunter2isweak'],
    ['a Stripe key', 'Use sk_live_4eC39HqLyjWDarjtT1zdp7dc for payments.', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'],
  ])('%s', async (_name, line, secret) => {
    const prd = join(exampleRoot, FEATURE_DIR, 'PRD.md');
    writeFileSync(prd, `# PRD\n\n## Requirements\n\n- Export orders as CSV from \`OrdersService\`.\n- ${line}\n`);
    const tree = await generate({ project: 'api' });
    const plan = tree.read(`${FEATURE_DIR}/plan.md`, 'utf-8')!;
    expect(plan).toContain('# ');
    expect(plan).not.toContain(secret);
  });
});

describe('--force keeps the edited plan next to the new one', () => {
  it('writes <plan>.bak with the previous text and says where', async () => {
    const planPath = join(exampleRoot, FEATURE_DIR, 'plan.md');
    mkdirSync(dirname(planPath), { recursive: true });
    writeFileSync(planPath, '# My edited plan\n\nHand-written notes.\n');
    const tree = await generate({ project: 'api', force: true });
    expect(tree.read(`${FEATURE_DIR}/plan.md.bak`, 'utf-8')).toBe('# My edited plan\n\nHand-written notes.\n');
    expect(tree.read(`${FEATURE_DIR}/plan.md`, 'utf-8')).not.toContain('Hand-written notes');
  });

  it('a second --force keeps the first backup: the new one goes to <plan>.bak.1', async () => {
    const planPath = join(exampleRoot, FEATURE_DIR, 'plan.md');
    mkdirSync(dirname(planPath), { recursive: true });
    writeFileSync(planPath, '# My edited plan\n\nHand-written notes.\n');
    writeFileSync(`${planPath}.bak`, '# An older plan\n\nNotes a first --force kept.\n');
    const tree = await generate({ project: 'api', force: true });
    expect(tree.read(`${FEATURE_DIR}/plan.md.bak`, 'utf-8')).toBe('# An older plan\n\nNotes a first --force kept.\n');
    expect(tree.read(`${FEATURE_DIR}/plan.md.bak.1`, 'utf-8')).toBe('# My edited plan\n\nHand-written notes.\n');
  });
});
