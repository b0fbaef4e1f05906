import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyExampleWorkspace } from '../test-utils/example-workspace';
import { findWorkspaceRoot, openWorkspace, WorkspaceNotFoundError } from './open-workspace';

// Nx binds to one workspace root per process (per spec file under jest): this file opens the one copy.
const root = copyExampleWorkspace();
process.env.NX_DAEMON = 'false';
const env = { ...process.env, NX_WORKSPACE_DATA_DIRECTORY: join(root, '.nx', 'workspace-data') };
const SERVICE = 'apps/api/src/app/orders/orders.service.ts';

// Nx itself reads nx.json with comments and trailing commas; so must Groundplan, whichever command reads it.
writeFileSync(
  join(root, 'nx.json'),
  readFileSync(join(root, 'nx.json'), 'utf8')
    .replace(/^\{/, "{\n  // the shop's Nx settings\n  /* templates live here */")
    .replace(/\n\}\s*$/, ',\n}\n'),
);

describe('openWorkspace', () => {
  it('is found from a folder deep inside the workspace', () => {
    expect(findWorkspaceRoot(join(root, 'apps/api/src/app/orders'))).toBe(root);
    expect(openWorkspace(join(root, 'apps/api/src')).root).toBe(root);
  });

  it('says where it looked when there is no workspace above', () => {
    const outside = mkdtempSync(join(tmpdir(), 'groundplan-no-workspace-'));
    mkdirSync(join(outside, 'deep'));
    expect(() => findWorkspaceRoot(join(outside, 'deep'))).toThrow(WorkspaceNotFoundError);
    expect(() => findWorkspaceRoot(join(outside, 'deep'))).toThrow(/No nx\.json in .*deep or any folder above it/);
  });

  it('reads nx.json with comments and trailing commas, and the plugin options in it', () => {
    const workspace = openWorkspace(root, { env });
    expect(readFileSync(join(root, 'nx.json'), 'utf8')).toContain('// the shop');
    expect(workspace.nxJson()).toMatchObject({ defaultBase: 'main' });
    expect(workspace.plugin()).toMatchObject({ templatesDir: 'tools/groundplan/templates', targetName: 'lint-plan' });
    expect(workspace.template('speckit').id).toBe('speckit');
    expect(() => workspace.template('nope')).toThrow(/Unknown template "nope" \(option --template\)\. Known templates: .*checklist/);
  });

  it('is one object per root, whose graph, facts and code index are read once per call', async () => {
    const workspace = openWorkspace(join(root, 'libs'), { env });
    const snapshot = await workspace.snapshot();
    expect(Object.keys(snapshot.facts.projects)).toEqual(expect.arrayContaining(['api', 'web']));
    expect(await workspace.snapshot()).toBe(snapshot);
    expect(snapshot.code()).toBe(snapshot.code());
    expect(snapshot.code().files.has(SERVICE)).toBe(true);
  });

  it('opened again (the next call), is the same object, and keeps the code index while no file changed', async () => {
    const first = openWorkspace(root, { env });
    const index = (await first.snapshot()).code();
    const second = openWorkspace(join(root, 'apps'), { env });
    expect(second).toBe(first);
    expect((await second.snapshot()).code()).toBe(index);
  });

  it('after refresh, keeps the code index while no file changed, and sees a changed file once one did', async () => {
    const workspace = openWorkspace(root, { env });
    const before = (await workspace.snapshot()).code();
    workspace.refresh();
    const unchanged = await workspace.snapshot();
    expect(unchanged.code()).toBe(before);

    writeFileSync(join(root, SERVICE), `${readFileSync(join(root, SERVICE), 'utf8')}\nexport function exportOrdersAsCsv(): string {\n  return '';\n}\n`);
    expect(
      unchanged
        .code()
        .files.get(SERVICE)!
        .symbols.map((symbol) => symbol.name),
    ).not.toContain('exportOrdersAsCsv');
    workspace.refresh();
    const changed = (await workspace.snapshot()).code();
    expect(changed).not.toBe(before);
    expect(changed.files.get(SERVICE)!.symbols.map((symbol) => symbol.name)).toContain('exportOrdersAsCsv');
  });

  it("a workspace read through another source (a generator's Tree) is that caller's alone", () => {
    const shared = openWorkspace(root, { env });
    const own = openWorkspace(root, { source: shared.source });
    expect(own).not.toBe(shared);
    expect(openWorkspace(root, { env })).toBe(shared);
  });
});
