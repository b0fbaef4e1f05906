import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provenanceFor } from '../draft/offline/draft-offline';
import { diskSource } from '../utils/file-source';
import { readProvenance, renderProvenance, splitFrontmatter } from './frontmatter';

type Request = Parameters<typeof provenanceFor>[0];
const REQUEST = {
  template: { id: 'checklist' },
  inputs: [],
  context: { affected: { name: 'api' } },
  feature: 'f',
  drafter: 'offline',
  now: '2026-01-01T00:00:00.000Z',
} as unknown as Request;

describe('provenance: the base commit', () => {
  const roots: string[] = [];
  const temp = () => {
    const root = mkdtempSync(join(tmpdir(), 'groundplan-base-'));
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('records HEAD when the plan is written in a git work tree, and round-trips through the frontmatter', async () => {
    const root = temp();
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    execFileSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(join(root, 'a.ts'), 'x\n');
    execFileSync('git', ['add', '-A'], { cwd: root });
    execFileSync('git', ['commit', '-q', '-m', 'x'], { cwd: root, env });
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const provenance = await provenanceFor(REQUEST, '# Plan\n', diskSource(root));
    expect(provenance.base).toBe(head);
    expect(readProvenance(splitFrontmatter(renderProvenance(provenance)).frontmatter)?.base).toBe(head);
  });

  it('leaves it out outside git: such plans keep working without it', async () => {
    const provenance = await provenanceFor(REQUEST, '# Plan\n', diskSource(temp()));
    expect(provenance).not.toHaveProperty('base');
    expect(renderProvenance(provenance)).not.toContain('base:');
  });
});
