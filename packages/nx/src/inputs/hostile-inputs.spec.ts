import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { diskSource } from '../utils/file-source';
import { findInputs, InputError, MAX_INPUT_BYTES, readInputFile, readStdinInput, textInput } from './feature-inputs';

/**
 * The input gate, on real files: every way a careless or hostile path or text used to get read, hang, crash
 * or land in a plan. Each row failed (read the file, hung, threw a TypeError, or kept the secret) before.
 */
let base: string;
let root: string;
const OUTSIDE_SECRET = 'outside-the-workspace-4711';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'groundplan-hostile-'));
  root = join(base, 'ws');
  mkdirSync(join(root, 'docs'), { recursive: true });
  mkdirSync(join(root, 'apps/api/product-development/fifo'), { recursive: true });
  mkdirSync(join(root, 'apps/api/product-development/linked'), { recursive: true });
  mkdirSync(join(root, 'apps/api/product-development/envlink'), { recursive: true });
  writeFileSync(join(base, 'outside.md'), `# Outside\n${OUTSIDE_SECRET}\n`);
  writeFileSync(join(root, 'docs/ok.md'), '# PRD\nExport orders as CSV.\n');
  writeFileSync(join(root, '.env'), 'DB_PASS=plainleak999\n');
  writeFileSync(join(root, '.env.production'), 'STRIPE_SECRET_KEY=sk_live_abcdefghijklmnop1234\n');
  writeFileSync(join(root, 'docs/big.md'), `# Big\n${'word '.repeat(MAX_INPUT_BYTES / 4)}\n`);
  writeFileSync(join(root, 'docs/deep-quotes.md'), `# Deep\n${'>'.repeat(5000)} deep\n`);
  writeFileSync(join(root, 'docs/deep-list-3000.md'), `# Deep\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`);
  writeFileSync(join(root, 'docs/deep-list.md'), `# Deep\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n')}\n`);
  symlinkSync(join(base, 'outside.md'), join(root, 'docs/PRD.md'));
  symlinkSync('/dev/zero', join(root, 'docs/zero.md'));
  symlinkSync(join(base, 'outside.md'), join(root, 'apps/api/product-development/linked/PRD.md'));
  symlinkSync(join(root, '.env'), join(root, 'apps/api/product-development/envlink/PRD.md'));
  execFileSync('mkfifo', [join(root, 'apps/api/product-development/fifo/PRD.md')]);
  execFileSync('mkfifo', [join(root, 'docs/pipe.md')]);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

function inputError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const message = (error as Error).message;
    expect(message).not.toContain(OUTSIDE_SECRET);
    return message;
  }
  throw new Error('expected an InputError');
}

const explicit = (path: string) => () => findInputs(diskSource(root), { projectRoot: 'apps/api', feature: 'x', files: [path] });

describe('--inputs: confined, a regular text file, bounded, never a secrets file', () => {
  it.each([
    ['a ../ path out of the workspace', '../../../../../etc/passwd', /--inputs: .*outside the workspace/],
    ['../ to a sibling of the workspace', '../outside.md', /outside the workspace/],
    ['an absolute path outside', '/etc/passwd', /outside the workspace/],
    ['/dev/zero through ../', '../../../../../../dev/zero', /outside the workspace/],
    ['a symlink in the workspace to a file outside', 'docs/PRD.md', /resolves outside the workspace/],
    ['a symlink to /dev/zero', 'docs/zero.md', /resolves outside the workspace/],
    ['a directory', 'apps/api', /is a directory, not a regular file/],
    ['a FIFO', 'docs/pipe.md', /is a FIFO \(named pipe\), not a regular file/],
    ['a missing file', 'docs/nope.md', /does not exist/],
    ['a .env file', '.env', /is a secrets file/],
    ['a .env.production file', '.env.production', /is a secrets file/],
    ['a file over the size cap', 'docs/big.md', /over the 256 KiB limit/],
    ['5,000 nested block quotes', 'docs/deep-quotes.md', /nests block quotes or lists \d+ levels deep at line 2/],
    ['3,000 nested list items (9 MB of indentation)', 'docs/deep-list-3000.md', /over the 256 KiB limit/],
    ['300 nested list items', 'docs/deep-list.md', /nests block quotes or lists \d+ levels deep/],
    ['an empty path', '', /not a file path/],
  ])('refuses %s with one line naming it', (_name, path, message) => {
    const error = inputError(explicit(path));
    expect(error).toMatch(message);
    expect(error.split('\n')).toHaveLength(1);
  });

  it('reads a regular file inside the workspace', () => {
    const { inputs } = explicit('docs/ok.md')();
    expect(inputs[0]).toMatchObject({ origin: 'docs/ok.md', kind: 'prd' });
  });
});

describe('the feature folder search: a PRD.md that is not a plain file is an error, not a hang or a leak', () => {
  it.each([
    ['a FIFO named PRD.md', 'fifo', /FIFO/],
    ['a PRD.md linked out of the workspace', 'linked', /resolves outside the workspace/],
    ['a PRD.md linked to .env', 'envlink', /secrets file/],
  ])('%s', (_name, feature, message) => {
    expect(inputError(() => findInputs(diskSource(root), { projectRoot: 'apps/api', feature }))).toMatch(message);
  });
});

describe('--task-file and --query-file go through the same gate', () => {
  it.each([
    ['.env.production', /secrets file/],
    ['../outside.md', /outside the workspace/],
    ['/dev/zero', /outside the workspace/],
    ['docs/pipe.md', /FIFO/],
    ['docs', /directory/],
  ])('refuses %s', (path, message) => {
    expect(inputError(() => readInputFile(diskSource(root), path, '--task-file', root))).toMatch(message);
  });

  it('a task given as text is refused when its origin is a secrets file, before anything is drafted', () => {
    expect(
      inputError(() =>
        findInputs(diskSource(root), { projectRoot: 'apps/api', feature: 'x', files: ['docs/ok.md'], task: { origin: '.env.production', text: 'x' } }),
      ),
    ).toMatch(/secrets file/);
  });

  it('stdin is read with the cap, not to the end of the world', async () => {
    const endless = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(64 * 1024, 0x61);
      })(),
    );
    await expect(readStdinInput(endless, '--task-file -')).rejects.toThrow(/stdin is over the 256 KiB limit/);
  });
});

describe('every input text is redacted before a drafter sees it', () => {
  it.each([
    ['a connection string with a password', 'Connect to postgres://admin:pw@db/orders for the export.', 'admin:pw@'],
    ['an env-style password', 'Staging uses DB_PASS=plainleak999 today.', 'plainleak999'],
    ['a YAML password', 'config:\n  password: hunter2isweak\n', 'hunter2isweak'],
    ['a key in the task', 'Call the API with sk-ant-api03-AAAABBBBCCCCDDDDEEEE1234.', 'sk-ant-api03-AAAABBBBCCCCDDDDEEEE1234'],
  ])('%s', (_name, text, secret) => {
    const input = textInput('prd', 'docs/x.md', text, 'docs/x.md');
    expect(input.text).not.toContain(secret);
    expect(input.text).toContain('[REDACTED:');
  });

  it('hashes the text as given, so a changed input still shows', () => {
    expect(textInput('prd', 'a', 'DB_PASS=one1', 'a').hash).not.toBe(textInput('prd', 'a', 'DB_PASS=two2', 'a').hash);
  });
});
