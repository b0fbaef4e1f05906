/**
 * An abort signal that fires on Ctrl-C (SIGINT) or when the caller's own signal aborts. While it is armed,
 * Ctrl-C stops the request instead of killing the process, so the drafter can say what was kept. It listens
 * for every SIGINT, not the first only: under `npx` one Ctrl-C arrives twice (from the terminal and forwarded
 * by npm), and the second must not kill the process before it has said so.
 */
export function abortOnInterrupt(outer?: AbortSignal): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort();
  process.on('SIGINT', abort);
  outer?.addEventListener('abort', abort, { once: true });
  if (outer?.aborted) abort();
  return {
    signal: controller.signal,
    dispose: () => {
      process.removeListener('SIGINT', abort);
      outer?.removeEventListener('abort', abort);
    },
  };
}
