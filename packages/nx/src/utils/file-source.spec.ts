import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskSource } from './file-source';

/** The disk source's reads, on real files: what is a file reads whole, what is not (or is too large) reads as none. */
let base: string;
let root: string;
const LARGE = Buffer.from('x'.repeat(1024 * 1024 + 70 * 1024 + 3));

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'groundplan-source-'));
  root = join(base, 'ws');
  mkdirSync(join(root, 'src/dir'), { recursive: true });
  writeFileSync(join(base, 'outside.ts'), 'export const secret = 1;\n');
  writeFileSync(join(root, 'src/a.ts'), 'export const a = 1;\n');
  writeFileSync(join(root, 'src/empty.ts'), '');
  writeFileSync(join(root, 'src/large.ts'), LARGE);
  symlinkSync(join(root, 'src/a.ts'), join(root, 'src/inside-link.ts'));
  symlinkSync(join(base, 'outside.ts'), join(root, 'src/outside-link.ts'));
  execFileSync('mkfifo', [join(root, 'src/pipe.ts')]);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('diskSource read', () => {
  it.each([
    ['a small file', 'src/a.ts', 'export const a = 1;\n'],
    ['an empty file', 'src/empty.ts', ''],
    ['a symlink to a file inside', 'src/inside-link.ts', 'export const a = 1;\n'],
  ])('reads %s whole', (_, path, text) => {
    expect(diskSource(root).read(path)?.toString('utf8')).toBe(text);
  });

  it('reads a file larger than one read chunk whole, byte for byte', () => {
    expect(diskSource(root).read('src/large.ts')?.equals(LARGE)).toBe(true);
  });

  it.each([
    ['a directory', 'src/dir'],
    ['a FIFO (without waiting for a writer)', 'src/pipe.ts'],
    ['a symlink leaving the workspace', 'src/outside-link.ts'],
    ['a path leaving the workspace', '../outside.ts'],
    ['a missing file', 'src/none.ts'],
  ])('reads %s as no file', (_, path) => {
    expect(diskSource(root).read(path)).toBeUndefined();
  });

  it('reads a file over the cap as no file', () => {
    expect(diskSource(root, 1024).read('src/large.ts')).toBeUndefined();
    expect(diskSource(root, 1024).read('src/a.ts')?.toString('utf8')).toBe('export const a = 1;\n');
  });
});
