import { buildContext } from '../../context/build-context';
import { contentHash } from '../../utils/content-hash';
import { craftedFacts, project, writeWorkspace } from '../../test-utils/crafted-workspace';
import { diskSource } from '../../utils/file-source';
import { loadBuiltInTemplates } from '../../templates/load-templates';
import { indexWorkspace } from '../../code/index-workspace';
import { buildPlanData } from './build-plan-data';

describe('buildPlanData: the size of the change', () => {
  it("counts the dependents of a changed library as the plan lists them, the code's imports included", async () => {
    // The Nx graph of a crafted workspace has no dependencies: only the app's import shows it depends on the library.
    const root = writeWorkspace({
      'libs/ui/src/index.ts': "export { Button } from './button';\n",
      'libs/ui/src/button.ts': 'export function Button(label: string) { return label; }\n',
      'apps/dev-server/src/main.ts': "import { Button } from '@acme/ui';\nButton('go');\n",
    });
    const { data } = await draftForUi(root, [app('dev-server')], '`Button` shows a spinner while its action runs.');
    expect(data.architecture.dependents.map((d) => d.name)).toEqual(['dev-server']);
    expect(data.size.basis).toContain('1 dependent project(s) of changed libraries');
  });

  it('lists first the dependents whose code uses what the plan changes, with where', async () => {
    const root = writeWorkspace({
      'libs/ui/src/index.ts': "export { BusyButton } from './busy-button';\nexport { Card } from './card';\n",
      'libs/ui/src/busy-button.ts': 'export function BusyButton(label: string) { return label; }\n',
      'libs/ui/src/card.ts': 'export function Card(title: string) { return title; }\n',
      'apps/admin/src/main.ts': "import { Card } from '@acme/ui';\nCard('orders');\n",
      'apps/shop/src/main.ts': "import { BusyButton } from '@acme/ui';\nBusyButton('pay');\n",
    });
    const { data } = await draftForUi(root, [app('admin'), app('shop')], '`BusyButton` shows a spinner while its action runs.');
    expect(data.architecture.dependents.map((d) => [d.name, d.uses])).toEqual([
      ['shop', [{ name: 'BusyButton', path: 'apps/shop/src/main.ts' }]],
      ['admin', []],
    ]);
  });
});

describe('buildPlanData: the project diagram', () => {
  it("draws the plan's projects and their neighbours, not the projects the text only matched next", async () => {
    const root = writeWorkspace({
      'libs/ui/src/index.ts': "export { BusyButton } from './busy-button';\n",
      'libs/ui/src/busy-button.ts': 'export function BusyButton(label: string) { return label; }\n',
      'apps/shop/src/main.ts': "import { BusyButton } from '@acme/ui';\nBusyButton('pay');\n",
      'apps/docs/src/busy-button-page.ts': 'export function BusyButtonPage() { return "spinner"; }\n',
    });
    const { context, data } = await draftForUi(root, [app('shop'), app('docs')], '`BusyButton` shows a spinner while its action runs.');
    expect(context.diagram).toContain('"docs"');
    expect(data.architecture.diagram).toContain('p_shop --> p_ui');
    expect(data.architecture.diagram).not.toContain('"docs"');
  });
});

describe('buildPlanData: the affected components', () => {
  it("lists first, among a changed file's declarations, the one its checklist item changes", async () => {
    const root = writeWorkspace({
      'libs/ui/src/busy-button.ts': [
        "export type ButtonSize = 'small' | 'large';",
        'export interface ButtonTheme { colour: string }',
        'export function BusyButton(label: string, size: ButtonSize) { return `${label}:${size}`; }',
        '',
      ].join('\n'),
    });
    const { data } = await draftForUi(root, [], '`BusyButton` shows a spinner while its action runs.');
    const item = data.areas.flatMap((a) => a.items).find((i) => i.files.includes('libs/ui/src/busy-button.ts') && i.area !== 'testing');
    expect(item?.title).toContain('`BusyButton`');
    const component = data.architecture.components.find((f) => f.path === 'libs/ui/src/busy-button.ts');
    expect(component?.symbols.map((s) => s.name)).toEqual(['BusyButton', 'ButtonSize', 'ButtonTheme']);
  });
});

const app = (name: string) => project(name, `apps/${name}`, { type: 'application' });

/**
 * The offline plan of a one-requirement PRD for the `ui` library (`@acme/ui`) of the workspace at `root`, beside
 * the `others` projects, with the context pack it was drafted from.
 */
async function draftForUi(root: string, others: ReturnType<typeof project>[], requirementLine: string) {
  const facts = craftedFacts(root, [project('ui', 'libs/ui', { importPath: '@acme/ui' }), ...others]);
  const source = diskSource(root);
  const index = indexWorkspace({ projects: facts.projects, source });
  const text = `# PRD: Busy buttons\n\n## Requirements\n\n- ${requirementLine}\n`;
  const context = await buildContext({ facts, source, index, query: text, project: 'ui', history: { commits: [] } });
  return { context, data: await planDataFor(text, { facts, context, index }, source) };
}

/** The offline plan data of a PRD for the `ui` library, drafted with the checklist template. */
function planDataFor(text: string, workspace: Pick<Parameters<typeof buildPlanData>[0], 'facts' | 'context' | 'index'>, source: ReturnType<typeof diskSource>) {
  return buildPlanData(
    {
      template: loadBuiltInTemplates().get('checklist')!,
      inputs: [{ kind: 'prd', origin: 'libs/ui/product-development/x/PRD.md', text, hash: contentHash(text) }],
      ...workspace,
      feature: 'x',
      drafter: 'offline',
      now: '2026-12-01T00:00:00.000Z',
    },
    source,
  );
}
