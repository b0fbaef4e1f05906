import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { maxAnswerChars } from './claude-client';
import { draftWithClaude } from './draft-with-claude';
import { modelFacts } from './models';
import { API_KEY, GOOD_PLAN, OFFLINE_DRAFT, useClaudeDraftHarness } from './test-utils/fixtures';

/** The Claude path against peers that stall, flood or echo the key: bounded, and nothing secret written. */
const claude = useClaudeDraftHarness({ maxRetries: 0 });

describe('a peer that stalls', () => {
  it('a stream that goes silent is dropped after the idle timeout, and the wait says so', async () => {
    claude.server.reply({ text: GOOD_PLAN, chunkSize: 50, delayMs: 5000 });
    const error = await claude.failure({ idleTimeoutMs: 300, timeoutMs: 60_000 });
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/sent nothing for 0\.3 s \(option --idleTimeout\)/);
    expect(claude.stderr).toMatch(/gives up after 0 s of silence or 60 s in all/);
    expect(readFileSync(claude.planPath, 'utf8')).toBe(OFFLINE_DRAFT);
  });

  it('a peer that accepts the connection and never answers is dropped after the total timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const error = await claude.failure({
        env: { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, CI: 'true' },
        timeoutMs: 400,
        idleTimeoutMs: 60_000,
      });
      expect(error.kind).toBe('timeout');
      expect(readFileSync(claude.planPath, 'utf8')).toBe(OFFLINE_DRAFT);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('a peer that floods', () => {
  it('an answer far beyond max_tokens is not read to its end and is not a plan', async () => {
    const limit = maxAnswerChars(modelFacts('claude-sonnet-5-5').maxOutput);
    claude.server.reply({ text: `${GOOD_PLAN}\n${'x'.repeat(limit + 100_000)}`, chunkSize: 256 * 1024 });
    const idle = idleTimersLeft(54_321);
    const error = await claude.failure({ idleTimeoutMs: 54_321 });
    // Events that still arrive after the stop set no new idle timer (one kept the process alive for the idle timeout).
    expect(await idle.left()).toBe(0);
    expect(error.kind).toBe('not-a-plan');
    expect(error.message).toMatch(/ran past \d+ characters/);
    expect(readFileSync(claude.planPath, 'utf8')).toBe(OFFLINE_DRAFT);
  });
});

describe('a peer that echoes secrets', () => {
  it('the API key and other secrets in the answer are scrubbed from the written plan', async () => {
    claude.server.reply({ text: GOOD_PLAN.replace(/\n## /, `\nUse ${API_KEY} and DB_PASS=plainleak999 to connect.\n\n## `) });
    const result = await draftWithClaude(claude.request());
    const written = readFileSync(claude.planPath, 'utf8');
    expect(result.planPath).toBe(claude.planPath);
    expect(written).not.toContain(API_KEY);
    expect(written).not.toContain('plainleak999');
    expect(claude.stderr).not.toContain(API_KEY);
  });
});

/**
 * Watches the real timers of `ms` (the client's idle timer, by its unusual length): how many are still set a moment
 * after the draft settled, when the last events of an aborted stream have come in.
 */
function idleTimersLeft(ms: number): { left: () => Promise<number> } {
  const { setTimeout: set, clearTimeout: clear } = globalThis;
  const live = new Set<unknown>();
  const setSpy = jest.spyOn(globalThis, 'setTimeout').mockImplementation(((callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
    const timer = set(callback, delay, ...args);
    if (delay === ms) live.add(timer);
    return timer;
  }) as typeof setTimeout);
  const clearSpy = jest.spyOn(globalThis, 'clearTimeout').mockImplementation(((timer?: NodeJS.Timeout) => {
    live.delete(timer);
    clear(timer);
  }) as typeof clearTimeout);
  return {
    left: async () => {
      await new Promise((resolve) => set(resolve, 200));
      setSpy.mockRestore();
      clearSpy.mockRestore();
      for (const timer of live) clear(timer as NodeJS.Timeout);
      return live.size;
    },
  };
}
