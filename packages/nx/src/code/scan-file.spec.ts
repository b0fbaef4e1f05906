import { fileRole } from './file-role';
import { firstSentence, scanSource } from './scan-file';

const CONTROLLER = `
import { Controller, Get, Param } from '@nestjs/common';
import { OrdersService } from './orders.service';
export * from './dto';

/** \`/api/orders\` — order management. More details here. */
@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
  ) {}

  /** Finds one order. */
  @Get(':id')
  findOne(@Param('id') id: string): Promise<Order> {
    return this.orders.get(id);
  }

  private helper(): void {}
  protected guarded = 1;
  #secret = 2;
  @Input() size = 'md';
  static create(): OrdersController { return new OrdersController(null!); }
}
`;

describe('scanSource', () => {
  const scan = scanSource('apps/api/src/orders.controller.ts', CONTROLLER);
  const controller = scan.symbols.find((s) => s.name === 'OrdersController')!;

  it('reads every import and export-from specifier', () => {
    expect(scan.specifiers).toEqual(['@nestjs/common', './orders.service', './dto']);
  });

  it('keeps class decorators as written, the heading without export, and the first sentence of the doc', () => {
    expect(controller).toMatchObject({
      kind: 'class',
      signature: 'class OrdersController',
      exported: true,
      decorators: ["@Controller('orders')"],
      doc: '`/api/orders` — order management.',
      line: 7,
    });
  });

  it('lists public members only, with their decorators and signatures, never bodies', () => {
    expect(controller.members.map((m) => [m.name, m.signature, m.decorators])).toEqual([
      ['constructor', 'constructor(private readonly orders: OrdersService)', []],
      ['findOne', "findOne(@Param('id') id: string): Promise<Order>", ["@Get(':id')"]],
      ['size', "size = 'md'", ['@Input()']],
      ['create', 'static create(): OrdersController', []],
    ]);
    expect(controller.members[1].doc).toBe('Finds one order.');
  });

  it.each([
    ['export function total(lines: Line[]): number { return 0; }', 'total', 'function', 'function total(lines: Line[]): number', true],
    [
      'export const sum = async (a: number, b: number): Promise<number> => a + b;',
      'sum',
      'variable',
      'const sum = async (a: number, b: number): Promise<number> =>',
      true,
    ],
    ['export const LIMIT: number = 10;', 'LIMIT', 'variable', 'const LIMIT: number', true],
    [
      "const loadOrders = createAction('[Orders] Load');\nexport { loadOrders };",
      'loadOrders',
      'variable',
      "const loadOrders = createAction('[Orders] Load')",
      true,
    ],
    ["export type Status = 'a' | 'b';", 'Status', 'type', "type Status = 'a' | 'b'", true],
    ['export enum Color { Red, Green }', 'Color', 'enum', 'enum Color { Red, Green }', true],
    ['export default function () {}', 'default', 'function', 'function ()', true],
    ['function local(x: string) { return x; }', 'local', 'function', 'function local(x: string)', false],
    ['export declare function declared(x: string): void;', 'declared', 'function', 'function declared(x: string): void', true],
  ])('reads %s', (text, name, kind, signature, exported) => {
    expect(scanSource('x.ts', text).symbols[0]).toMatchObject({ name, kind, signature, exported });
  });

  it('lists interface members', () => {
    const [order] = scanSource('x.ts', 'export interface Order extends Base {\n  id: string;\n  total(): Money;\n}').symbols;
    expect(order.signature).toBe('interface Order extends Base');
    expect(order.members.map((m) => [m.kind, m.signature])).toEqual([
      ['property', 'id: string'],
      ['method', 'total(): Money'],
    ]);
  });

  it("takes the leading comment as the file doc only when it is not the first declaration's doc", () => {
    expect(scanSource('x.ts', "/** Order helpers. */\nimport { a } from 'a';\nexport const b = a;").doc).toBe('Order helpers.');
    expect(scanSource('x.ts', '/** The only function. */\nexport function f() {}').doc).toBeUndefined();
    expect(scanSource('x.ts', "/** @license MIT */\nimport { a } from 'a';").doc).toBeUndefined();
  });

  it('reads require() and import = require() as imports', () => {
    expect(scanSource('x.js', "const fs = require('fs');\nimport path = require('path');").specifiers).toEqual(['fs', 'path']);
  });

  it('counts syntax errors and keeps what it could read', () => {
    const broken = scanSource('x.ts', 'export function ok(): void {}\nexport class {{{ broken');
    expect(broken.syntaxErrors).toBeGreaterThan(0);
    expect(broken.symbols[0].name).toBe('ok');
  });
});

describe('firstSentence', () => {
  it.each([
    ['/** Formats money, e.g. `1.00 EUR`. Then more. */', 'Formats money, e.g. `1.00 EUR`.'],
    ['/**\n * Two lines\n * of prose\n * @param x ignored\n */', 'Two lines of prose'],
    ['/** @deprecated */', undefined],
  ])('%s', (comment, sentence) => expect(firstSentence(comment)).toBe(sentence));
});

describe('fileRole', () => {
  it.each([
    ['apps/api/src/orders/orders.controller.ts', [], 'controller'],
    ['apps/api/src/orders/orders.service.spec.ts', [], 'test'],
    ['libs/store/src/lib/orders.reducer.ts', [], 'store'],
    ['apps/web/src/app/OrderPage.tsx', [], 'component'],
    ['libs/ui/src/lib/button.ts', ['@Component({ selector: "x" })'], 'component'],
    ['apps/api/src/app/thing.ts', ['@Injectable()'], 'service'],
    ['libs/shared/util/src/lib/money.ts', [], 'util'],
    ['apps/api/src/main.ts', [], 'other'],
    ['e2e/stencil-e2e/src/helpers.ts', [], 'test'],
    ['modules/router-store/spec/utils.ts', [], 'test'],
    ['modules/store/test-setup.ts', [], 'other'],
  ])('%s with %j is a %s', (path, decorators, role) => {
    const symbols = [{ name: 'X', kind: 'class' as const, signature: 'class X', exported: true, line: 1, decorators, members: [] }];
    expect(fileRole(path, symbols)).toBe(role);
  });
});

describe('barrels', () => {
  it('marks a file of imports and re-exports only, and nothing else', () => {
    expect(scanSource('libs/a/src/index.ts', "export * from './lib/a';\nexport { b } from './lib/b';\n").barrel).toBe(true);
    expect(scanSource('libs/a/src/index.ts', "import { a } from './lib/a';\nexport { a };\n").barrel).toBe(true);
    expect(scanSource('libs/a/src/index.ts', "export * from './lib/a';\nexport const version = '1';\n").barrel).toBeUndefined();
    expect(scanSource('libs/a/src/main.ts', "import './polyfills';\nbootstrap();\n").barrel).toBeUndefined();
  });
});
