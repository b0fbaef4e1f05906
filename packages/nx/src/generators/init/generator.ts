import { formatFiles, readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { DEFAULT_TEMPLATES_DIR, PLUGIN_NAME } from '../../utils/plugin-options';
import type { InitGeneratorOptions } from './schema';

/**
 * Registers the plugin in nx.json, once: `nx add @groundplan/nx` runs this. An existing entry (a string or an
 * object with options) is left as the user wrote it.
 */
export async function initGenerator(tree: Tree, options: InitGeneratorOptions = {}): Promise<void> {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((entry) => (typeof entry === 'string' ? entry : entry.plugin) === PLUGIN_NAME);
  if (!registered) {
    nxJson.plugins = [...plugins, { plugin: PLUGIN_NAME, options: { targetName: 'lint-plan', templatesDir: DEFAULT_TEMPLATES_DIR } }];
    updateNxJson(tree, nxJson);
  }
  if (!options.skipFormat) await formatFiles(tree);
}

export default initGenerator;
