import { NX_VERSION, readJson, readNxJson, updateNxJson, writeJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { initGenerator } from './generator';

describe('init generator', () => {
  it('registers the plugin with its default options', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, { skipFormat: true });
    expect(readNxJson(tree)!.plugins).toEqual([{ plugin: '@groundplan/nx', options: { targetName: 'lint-plan', templatesDir: 'tools/groundplan/templates' } }]);
  });

  it('is idempotent and keeps an entry the user wrote, and other plugins', async () => {
    const tree = createTreeWithEmptyWorkspace();
    updateNxJson(tree, { ...readNxJson(tree), plugins: ['@nx/js/typescript', { plugin: '@groundplan/nx', options: { targetName: 'plans' } }] });
    await initGenerator(tree, { skipFormat: true });
    await initGenerator(tree, { skipFormat: true });
    expect(readNxJson(tree)!.plugins).toEqual(['@nx/js/typescript', { plugin: '@groundplan/nx', options: { targetName: 'plans' } }]);
  });

  it('recognises the plugin registered as a plain string', async () => {
    const tree = createTreeWithEmptyWorkspace();
    updateNxJson(tree, { ...readNxJson(tree), plugins: ['@groundplan/nx'] });
    await initGenerator(tree, { skipFormat: true });
    expect(readNxJson(tree)!.plugins).toEqual(['@groundplan/nx']);
  });

  it("adds @nx/devkit of the workspace's Nx major once, and leaves package.json alone when it is listed", async () => {
    const tree = createTreeWithEmptyWorkspace();
    writeJson(tree, 'package.json', { name: 'ws', devDependencies: { nx: NX_VERSION } });
    await initGenerator(tree, { skipFormat: true });
    const first = tree.read('package.json', 'utf-8');
    expect(Object.keys(readJson(tree, 'package.json'))).toEqual(['name', 'devDependencies']);
    expect(Object.entries(readJson(tree, 'package.json').devDependencies)).toEqual([['@nx/devkit', `^${NX_VERSION.split('.')[0]}.0.0`], ['nx', NX_VERSION]]);
    await initGenerator(tree, { skipFormat: true });
    expect(tree.read('package.json', 'utf-8')).toBe(first);
  });
});
