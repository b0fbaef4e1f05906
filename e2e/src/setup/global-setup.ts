import { startLocalRegistry } from '../utils/local-registry';
import { publishPlugin } from '../utils/publish';
import { PLUGIN_VERSION_VARIABLE, REGISTRY_VARIABLE } from '../utils/workspace';

declare global {
  // Read by global-teardown.ts, which Jest runs in this same process.
  var stopLocalRegistry: (() => Promise<void>) | undefined;
}

/**
 * Once per run: a local registry with this build of @groundplan/nx published to it. The tests read where it is
 * from the environment, which Jest's workers inherit from this process.
 */
export default async function globalSetup(): Promise<void> {
  const registry = await startLocalRegistry();
  try {
    process.env[PLUGIN_VERSION_VARIABLE] = await publishPlugin(registry);
    process.env[REGISTRY_VARIABLE] = registry.url;
  } catch (error) {
    await registry.stop();
    throw error;
  }
  globalThis.stopLocalRegistry = registry.stop;
}
