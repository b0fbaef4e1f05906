import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findInputs, InputError } from '../inputs/feature-inputs';
import { MarkdownBoundsError } from '../markdown/bounds';
import { diskSource } from '../utils/file-source';
import { lintPlan } from './lint-plan';
import { parsePlan } from './parse-plan';
import { createLintWorkspace } from './workspace-view';
import { loadBuiltInTemplates } from '../templates/load-templates';

/**
 * Bounded, seeded fuzz: random Markdown, YAML frontmatter and paths thrown at the input reader, the plan
 * parser and lint. The only acceptable outcomes are a result or a clean, named error; never a crash
 * (TypeError, RangeError: stack), never a hang (the sizes are bounded, so a hang would time the test out).
 */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '# ',
  '## ',
  '### ',
  '> ',
  '- ',
  '* ',
  '1. ',
  '- [ ] ',
  '```',
  '~~~',
  '\n',
  '\n\n',
  '    ',
  '| a | b |\n| --- | --- |\n',
  '`',
  '**',
  '_',
  '[x](',
  ')',
  '<!-- groundplan-disable GP005 -->',
  '<%= x %>',
  '{{x}}',
  '\t',
  '\\',
  '\u0000',
  '\uFFFD',
  '\uFEFF',
  '---\n',
  'apps/api/src/x.ts',
  '../../etc/passwd',
  '/etc/passwd',
  '`@shop/shared-util`',
  'the `api` project',
  '`OrdersService` in `apps/api/src/app/orders/orders.service.ts`',
  'depends on',
  'DB_PASS=plainleak999',
  'password: hunter2isweak',
  'word ',
  ':',
  'groundplan:',
  '  template: ',
  'checklist',
  '  references:\n    ',
  ': sha256:0',
  '[',
  ']',
  '{',
  '}',
  '&a *a !!binary',
];

function randomText(next: () => number, length: number): string {
  let text =
    next() < 0.5
      ? `---\n${['groundplan:\n  template: checklist\n', 'groundplan: [1, 2\n', 'groundplan:\n  references:\n    /etc/passwd: x\n', ': :\n', ''][Math.floor(next() * 5)]}---\n`
      : '';
  for (let i = 0; i < length; i++) {
    const piece = PIECES[Math.floor(next() * PIECES.length)];
    // Pieces are words: a space between them, as text has (a secret glued to the next word is not a secret's shape).
    text += (next() < 0.05 ? piece.repeat(1 + Math.floor(next() * 200)) : piece) + ' ';
  }
  return text;
}

const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);

describe('fuzz: plan parser and lint', () => {
  const templates = loadBuiltInTemplates();
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'groundplan-fuzz-'));
    writeFileSync(join(root, 'package.json'), '{}');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each(SEEDS)('seed %i: a result or a bounds error, never a crash', async (seed) => {
    const next = rng(seed);
    const text = randomText(next, 50 + Math.floor(next() * 400));
    const workspace = createLintWorkspace({ projects: {}, dependencies: [] } as never, diskSource(root));
    try {
      await parsePlan(text, { file: 'apps/x/product-development/f/plan.md', templates });
    } catch (error) {
      expect(error).toBeInstanceOf(MarkdownBoundsError);
    }
    const result = await lintPlan(text, { workspace, templates, file: 'apps/x/product-development/f/plan.md' });
    expect(result.errorCount + result.warningCount).toBe(result.findings.length);
  });
});

describe('fuzz: the input reader with random paths and texts', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'groundplan-fuzz-inputs-'));
    mkdirSync(join(root, 'docs'), { recursive: true });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const PATH_PIECES = [
    '..',
    '.',
    'docs',
    'PRD.md',
    '.env',
    '/',
    '//',
    'etc',
    'passwd',
    '~',
    '\u0000',
    ' ',
    'a b',
    'dev',
    'zero',
    'proc',
    'self',
    'x.md',
    '*',
    '?',
  ];

  it.each(SEEDS)('seed %i: an input or an InputError, never a crash', (seed) => {
    const next = rng(seed);
    const name = `f${seed}.md`;
    writeFileSync(join(root, 'docs', name), randomText(next, 20 + Math.floor(next() * 300)));
    const path =
      next() < 0.5
        ? `docs/${name}`
        : Array.from({ length: 1 + Math.floor(next() * 6) }, () => PATH_PIECES[Math.floor(next() * PATH_PIECES.length)]).join(next() < 0.7 ? '/' : '');
    try {
      const { inputs } = findInputs(diskSource(root), { projectRoot: 'apps/x', feature: 'f', files: [path] });
      expect(inputs[0].text).not.toMatch(/plainleak999|hunter2isweak/);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message.split('\n')).toHaveLength(1);
    }
  });
});
