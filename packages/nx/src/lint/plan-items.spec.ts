import { parsePlan } from './parse-plan';
import { changeCounts, isTestFile, matchItems, planItems } from './plan-items';
import { symbolRanges } from './symbol-ranges';
import { changeSet } from './test-utils/changes';
import { planText, shopWorkspace, TEMPLATES } from './test-utils/fixture-workspace';

const SERVICE = 'apps/api/src/app/orders/orders.service.ts';
const SERVICE_TEXT = [
  'import { x } from "y";', // 1
  '', // 2
  '/** Orders. */', // 3
  '@Injectable()', // 4
  'export class OrdersService {', // 5
  '  findAll() {', // 6
  '    return [];', // 7
  '  }', // 8
  '', // 9
  '  exportCsv() {}', // 10
  '}', // 11
  '', // 12
  'export const LIMIT = 10, OTHER = 2;', // 13
  'export function helper() {}', // 14
  'export interface Row { id: string }', // 15
].join('\n');

describe('symbolRanges', () => {
  it('spans each top-level declaration with its doc and decorators, and members as Class.member', () => {
    const ranges = symbolRanges(SERVICE, SERVICE_TEXT);
    expect(Object.fromEntries(ranges)).toEqual({
      OrdersService: [3, 11],
      'OrdersService.findAll': [6, 8],
      'OrdersService.exportCsv': [10, 10],
      LIMIT: [13, 13],
      OTHER: [13, 13],
      helper: [14, 14],
      Row: [15, 15],
      'Row.id': [15, 15],
    });
  });
});

describe('changeCounts: symbol level where it is cheap', () => {
  const workspace = shopWorkspace({ [SERVICE]: SERVICE_TEXT });
  const modified = (lines: Array<[number, number]>) => ({ path: SERVICE, status: 'modified' as const, lines });
  it.each([
    ['no symbol named: any change counts', modified([[14, 14]]), [], true],
    ['the named symbol changed', modified([[7, 7]]), [{ name: 'OrdersService', isNew: false }], true],
    ['a doc comment is part of the symbol', modified([[3, 3]]), [{ name: 'OrdersService', isNew: false }], true],
    ['another symbol changed', modified([[14, 14]]), [{ name: 'OrdersService', isNew: false }], false],
    ['a member: only its lines', modified([[10, 10]]), [{ name: 'OrdersService', member: 'findAll', isNew: false }], false],
    ['a removed symbol is a change', modified([[14, 14]]), [{ name: 'Gone', isNew: false }], true],
    ['a new symbol not written yet is not', modified([[14, 14]]), [{ name: 'exportJson', isNew: true }], false],
    ['an added file counts whole', { path: SERVICE, status: 'added' as const }, [{ name: 'OrdersService', isNew: false }], true],
    [
      'a pure rename leaves symbols alone',
      { path: SERVICE, from: 'x.ts', status: 'renamed' as const, lines: [] },
      [{ name: 'OrdersService', isNew: false }],
      false,
    ],
    ['a pure rename is a change to the path', { path: SERVICE, from: 'x.ts', status: 'renamed' as const, lines: [] }, [], true],
  ])('%s', (_name, file, symbols, expected) => {
    expect(changeCounts(file, symbols, workspace)).toBe(expected);
  });
});

describe('planItems and matchItems', () => {
  it('gives each reference to the innermost item, resolves project-relative paths, and states each item', async () => {
    const plan = await parsePlan(
      planText(
        [
          '## Implementation Checklist',
          '',
          `- [ ] Build the export in \`${SERVICE}\``,
          '  - [x] Update `src/app/orders/orders.controller.ts`',
          '- [ ] Delete `apps/api/src/main.ts`',
          '- [ ] Agree on the columns',
        ].join('\n'),
      ),
      { templates: TEMPLATES, changes: changeSet('M apps/api/src/app/orders/orders.controller.ts:1') },
    );
    const workspace = shopWorkspace();
    const items = planItems(plan, workspace);
    expect(items.map((item) => [item.line, item.checked, item.paths.map((p) => p.path), item.removes])).toEqual([
      [9, false, [SERVICE], false],
      [10, true, ['apps/api/src/app/orders/orders.controller.ts'], false],
      [11, false, ['apps/api/src/main.ts'], true],
      [12, false, [], false],
    ]);
    expect(matchItems(plan, workspace, plan.changes!).map((match) => match.state)).toEqual(['untouched', 'done', 'untouched', 'unverifiable']);
  });

  it.each([
    ['apps/api/src/app/orders/orders.service.spec.ts', true],
    ['apps/web-e2e/src/e2e/app.cy.ts', true],
    ['libs/x/src/__tests__/a.ts', true],
    ['libs/x/jest.config.ts', true],
    ['apps/api/src/app/orders/orders.service.ts', false],
  ])('isTestFile(%s) is %s', (path, expected) => {
    expect(isTestFile(path)).toBe(expected);
  });
});
