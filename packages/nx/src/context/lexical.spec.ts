import { indexWorkspace } from '../code/index-workspace';
import { craftedFacts, project, writeWorkspace } from '../test-utils/crafted-workspace';
import { distinctWords } from '../test-utils/distinct-words';
import { diskSource } from '../utils/file-source';
import { lexicalScores } from './lexical';
import { parseQuery } from './query';

describe('lexicalScores of a long text', () => {
  // A shop where orders are everywhere (an everyday word) and one file is about the gateway (a rare one).
  const root = writeWorkspace({
    'libs/shop/src/orders.service.ts': '/** Lists each order and its order total. */\nexport class OrdersService { order(): void {} }\n',
    'libs/shop/src/order-list.ts': '/** The order list. */\nexport function orderList(): void {}\n',
    'libs/shop/src/order-total.ts': '/** An order total. */\nexport function orderTotal(): void {}\n',
    'libs/shop/src/gateway.ts': '/** Refunds through the payment gateway. */\nexport function gateway(): void {}\n',
    ...Object.fromEntries(
      ['cart', 'catalog', 'shipping', 'users', 'search', 'theme'].map((name) => [`libs/shop/src/${name}.ts`, `export const ${name} = 1;\n`]),
    ),
  });
  const facts = craftedFacts(root, [project('shop', 'libs/shop')]);
  const files = [...indexWorkspace({ projects: facts.projects, source: diskSource(root) }).files.values()];
  const spec = parseQuery(
    `# PRD: refunds through a gateway\n\n## Requirements\n${'An order stays as the order was; every order keeps its place. '.repeat(3)}${distinctWords(100)}`,
  );
  const score = (verbosity: number, path: string) => lexicalScores(files, spec.words, verbosity).get(path)!.score;
  const gatewayOverOrders = (verbosity: number) => score(verbosity, 'libs/shop/src/gateway.ts') / score(verbosity, 'libs/shop/src/orders.service.ts');

  it('weighs its rarer words up: the file of its subject gains on the files of its everyday words', () => {
    expect(spec.verbosity).toBeGreaterThan(0.5);
    expect(gatewayOverOrders(spec.verbosity)).toBeGreaterThan(1.3 * gatewayOverOrders(0));
  });
});
