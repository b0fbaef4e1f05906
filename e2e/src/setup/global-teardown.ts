/** Stops the registry that global-setup.ts started; it waits for the process to exit, so none is left behind. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.stopLocalRegistry?.();
  globalThis.stopLocalRegistry = undefined;
}
