import { indexWorkspace } from '../code/index-workspace';
import { craftedFacts, project, writeWorkspace } from '../test-utils/crafted-workspace';
import { diskSource } from '../utils/file-source';
import { projectEdges } from './project-edges';
import { parseQuery } from './query';
import { pickCertainty, projectEvidence, rankWorkspace, WEIGHTS } from './rank';

describe('projectEvidence', () => {
  const [first, second, third] = WEIGHTS.projectEvidenceShares;
  it.each([
    ['no files', [], 0],
    ['one file counts in full', [0.8], 0.8 * first],
    ['the next files count less', [1, 1, 1], first + second + third],
    ['files past the shares do not count', [1, 0, 0, 1], first],
    ['one strong file beats three middling ones', [1], first],
  ])('%s', (_, scores, expected) => {
    expect(projectEvidence(scores)).toBeCloseTo(expected, 6);
  });

  it('ranks one strong file over several middling ones', () => {
    expect(projectEvidence([1, 0.1, 0.1])).toBeGreaterThan(projectEvidence([0.6, 0.6, 0.6]));
  });
});

describe('pickCertainty', () => {
  const m = WEIGHTS.certainMargin;
  it.each([
    // [case, project scores best first, certainty, hint of the first]
    ['a single project', [1], 1, 0],
    ['no projects', [], 1, 0],
    ['a tie', [1, 1], 0, 0],
    ['half the margin', [1, 1 - m / 2], 0.5, 0],
    ['the whole margin', [1, 1 - m], 1, 0],
    ['more than the margin', [1, 0.1], 1, 0],
    ['nothing matched', [0, 0], 1, 0],
    ['a tie, the first hinted weakly (its name in the text)', [1, 1], 0, 0.3],
    ['a tie, the first named by the text (a scope)', [1, 1], 1, WEIGHTS.namedHint],
  ])('%s', (_, scores, expected, hint) => {
    expect(
      pickCertainty(
        scores.map((score) => ({ score })),
        hint,
      ),
    ).toBeCloseTo(expected, 6);
  });
});

describe('rankWorkspace with an uncertain pick', () => {
  // Two applications the text matches about as well; a library both import.
  const root = writeWorkspace({
    'apps/web/src/invoices-export-button.ts':
      "import { money } from '../../../libs/shared/src/money';\n/** Button that exports invoices. */\nexport function InvoicesExportButton(): string { return money(1); }\n",
    'apps/web/src/layout.ts': 'export function layout(): void {}\n',
    'apps/api/src/invoices-export.service.ts':
      "import { money } from '../../../libs/shared/src/money';\n/** Exports invoices as rows. */\nexport class InvoicesExportService { rows(): string { return money(2); } }\n",
    'apps/api/src/health.ts': 'export function health(): void {}\n',
    'libs/shared/src/money.ts': 'export function money(value: number): string { return String(value); }\n',
  });
  const facts = craftedFacts(root, [
    project('web', 'apps/web', { type: 'application' }),
    project('api', 'apps/api', { type: 'application' }),
    project('shared', 'libs/shared'),
  ]);
  const index = indexWorkspace({ projects: facts.projects, source: diskSource(root) });
  const edges = projectEdges(facts.projects, index.files.values());
  const rank = (text: string, named?: string) => rankWorkspace(facts.projects, index, edges, parseQuery(text), named);
  const scoreOf = (text: string, path: string, named?: string) => rank(text, named).files.find((f) => f.file.path === path)!.score;

  it.each([
    // [case, query, named project, file of the other application, its score at least, at most]
    // (the two applications' files match about as well: each alone would score about 1)
    ['two projects about as likely: the runner-up keeps most of its score', 'export invoices', undefined, 'apps/api/src/invoices-export.service.ts', 0.8, 1],
    [
      'a named project: the others count NAMED_OTHERS (0.3) of their prior, as before',
      'export invoices',
      'web',
      'apps/api/src/invoices-export.service.ts',
      0,
      0.3 * WEIGHTS.prior.other + 0.01,
    ],
    [
      'a scope names the project: a sure pick keeps the full prior',
      'feat(web): export invoices',
      undefined,
      'apps/api/src/invoices-export.service.ts',
      0,
      WEIGHTS.prior.other + 0.01,
    ],
  ])('%s', (_, query, named, path, low, high) => {
    const score = scoreOf(query, path, named);
    expect(score).toBeGreaterThanOrEqual(low);
    expect(score).toBeLessThanOrEqual(high);
  });

  it('ranks the applications whose files match above the library both import', () => {
    const ranking = rank('export invoices');
    expect(ranking.projects.map((p) => p.name).pop()).toBe('shared');
  });
});
