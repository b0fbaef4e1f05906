import { formatFiles, installPackagesTask, NX_VERSION, readJson, readNxJson, updateJson, updateNxJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { DEFAULT_TEMPLATES_DIR, PLUGIN_NAME } from '../../workspace/plugin-options';
import { parseAgents, registerAgents } from './lib/register-agents';
import type { InitGeneratorOptions } from './schema';

/**
 * Registers the plugin in nx.json, once: `nx add @groundplan/nx` runs this. An existing entry (a string or an
 * object with options) is left as the user wrote it. With `--agents`, it also registers `groundplan mcp` with
 * those coding agents.
 */
export async function initGenerator(tree: Tree, options: InitGeneratorOptions = {}): Promise<GeneratorCallback> {
  // Checked before anything is changed.
  const agents = parseAgents(options.agents);
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((entry) => (typeof entry === 'string' ? entry : entry.plugin) === PLUGIN_NAME);
  if (!registered) {
    nxJson.plugins = [...plugins, { plugin: PLUGIN_NAME, options: { targetName: 'lint-plan', templatesDir: DEFAULT_TEMPLATES_DIR } }];
    updateNxJson(tree, nxJson);
  }
  registerAgents(tree, agents);
  const install = pinDevkitToWorkspaceNx(tree);
  if (!options.skipFormat) await formatFiles(tree);
  return install;
}

/**
 * The plugin accepts @nx/devkit >=22 <25; left to npm, it nests the newest, whose peer range excludes an older
 * Nx. A devkit of the workspace's own Nx major at the root keeps one devkit that matches the Nx that runs it.
 * A workspace that already lists @nx/devkit is left as it is, so a second `nx add` changes nothing.
 */
function pinDevkitToWorkspaceNx(tree: Tree): GeneratorCallback {
  const packageJson = tree.exists('package.json') ? readJson(tree, 'package.json') : {};
  const listed = packageJson.dependencies?.['@nx/devkit'] ?? packageJson.devDependencies?.['@nx/devkit'];
  if (listed || !tree.exists('package.json')) return () => undefined;
  // Written directly (addDependenciesToPackageJson also adds an empty "dependencies" block), sorted as npm
  // sorts them, so the install that follows leaves package.json as written.
  updateJson(tree, 'package.json', (json) => {
    const devDependencies = { ...json.devDependencies, '@nx/devkit': `^${NX_VERSION.split('.')[0]}.0.0` };
    return { ...json, devDependencies: Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => a.localeCompare(b))) };
  });
  return () => installPackagesTask(tree);
}

export default initGenerator;
