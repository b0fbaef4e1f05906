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
    expect(Object.entries(readJson(tree, 'package.json').devDependencies)).toEqual([
      ['@nx/devkit', `^${NX_VERSION.split('.')[0]}.0.0`],
      ['nx', NX_VERSION],
    ]);
    await initGenerator(tree, { skipFormat: true });
    expect(tree.read('package.json', 'utf-8')).toBe(first);
  });

  describe('--agents', () => {
    const SERVER = { command: 'npx', args: ['groundplan', 'mcp'] };

    it('registers `npx groundplan mcp` with each agent named, where that agent reads it', async () => {
      const tree = createTreeWithEmptyWorkspace();
      await initGenerator(tree, { skipFormat: true, agents: 'claude, cursor,vscode' });
      expect(readJson(tree, '.mcp.json')).toEqual({ mcpServers: { groundplan: { type: 'stdio', ...SERVER } } });
      expect(readJson(tree, '.cursor/mcp.json')).toEqual({ mcpServers: { groundplan: SERVER } });
      expect(readJson(tree, '.vscode/mcp.json')).toEqual({ servers: { groundplan: { type: 'stdio', ...SERVER } } });
    });

    it('merges into the servers already there (comments allowed), and a second run changes nothing', async () => {
      const tree = createTreeWithEmptyWorkspace();
      tree.write(
        '.vscode/mcp.json',
        '{\n  // the team\'s servers\n  "inputs": [],\n  "servers": { "nx-mcp": { "type": "stdio", "command": "npx", "args": ["nx-mcp"] } }\n}\n',
      );
      writeJson(tree, '.mcp.json', { mcpServers: { groundplan: { command: 'node', args: ['tools/my-groundplan.js'] } } });
      await initGenerator(tree, { skipFormat: true, agents: ['vscode', 'claude'] });
      expect(readJson(tree, '.vscode/mcp.json')).toEqual({
        inputs: [],
        servers: { 'nx-mcp': { type: 'stdio', command: 'npx', args: ['nx-mcp'] }, groundplan: { type: 'stdio', ...SERVER } },
      });
      // An entry the user wrote is theirs.
      expect(readJson(tree, '.mcp.json')).toEqual({ mcpServers: { groundplan: { command: 'node', args: ['tools/my-groundplan.js'] } } });
      const files = ['.vscode/mcp.json', '.mcp.json'].map((file) => tree.read(file, 'utf-8'));
      await initGenerator(tree, { skipFormat: true, agents: 'vscode,claude' });
      expect(['.vscode/mcp.json', '.mcp.json'].map((file) => tree.read(file, 'utf-8'))).toEqual(files);
    });

    it('writes no agent file without --agents', async () => {
      const tree = createTreeWithEmptyWorkspace();
      await initGenerator(tree, { skipFormat: true });
      expect(['.mcp.json', '.cursor/mcp.json', '.vscode/mcp.json'].filter((file) => tree.exists(file))).toEqual([]);
    });

    it('refuses an unknown agent by name before changing anything', async () => {
      const tree = createTreeWithEmptyWorkspace();
      const before = tree.read('nx.json', 'utf-8');
      await expect(initGenerator(tree, { skipFormat: true, agents: 'claude,zed' })).rejects.toThrow(
        'Option --agents: unknown agent "zed"; use claude, cursor, vscode (comma-separated).',
      );
      expect(tree.read('nx.json', 'utf-8')).toBe(before);
      expect(tree.exists('.mcp.json')).toBe(false);
    });
  });
});
