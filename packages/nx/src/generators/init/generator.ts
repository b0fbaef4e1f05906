import { addDependenciesToPackageJson, formatFiles, NX_VERSION, readNxJson, updateNxJson, type GeneratorCallback, type Tree } from '@nx/devkit';
import { DEFAULT_TEMPLATES_DIR, PLUGIN_NAME } from '../../utils/plugin-options';
import type { InitGeneratorOptions } from './schema';

/**
 * Registers the plugin in nx.json, once: `nx add @groundplan/nx` runs this. An existing entry (a string or an
 * object with options) is left as the user wrote it.
 */
export async function initGenerator(tree: Tree, options: InitGeneratorOptions = {}): Promise<GeneratorCallback> {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((entry) => (typeof entry === 'string' ? entry : entry.plugin) === PLUGIN_NAME);
  if (!registered) {
    nxJson.plugins = [...plugins, { plugin: PLUGIN_NAME, options: { targetName: 'lint-plan', templatesDir: DEFAULT_TEMPLATES_DIR } }];
    updateNxJson(tree, nxJson);
  }
  // The plugin accepts @nx/devkit >=22 <25; left to npm, it nests the newest, whose peer range excludes an
  // older Nx. Pinning the workspace's own Nx version keeps one devkit that matches the Nx that runs it.
  const install = addDependenciesToPackageJson(tree, {}, { '@nx/devkit': NX_VERSION }, undefined, true);
  if (!options.skipFormat) await formatFiles(tree);
  return install;
}

export default initGenerator;
