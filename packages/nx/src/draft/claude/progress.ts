import ora from 'ora';
import { estimateTokens } from '../../utils/tokens';
import { formatTokens } from './summary';

/** Where progress goes: stderr, or anything with `write` (tests, the CLI's io). */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Progress of one streamed answer: tokens received so far and the time spent. */
export interface Progress {
  start(label: string): void;
  /** Called on every delta with the characters received so far. */
  received(characters: number): void;
  stop(): void;
}

/** In plain mode (no TTY, or CI), one line at the start and one at most every this often. */
const PLAIN_INTERVAL_MS = 10_000;

/** Whether to animate: only on a terminal, and never in CI, where the log keeps every frame. */
export function isInteractive(sink: ProgressSink, env: NodeJS.ProcessEnv): boolean {
  return sink.isTTY === true && !env.CI && env.TERM !== 'dumb';
}

export function createProgress(sink: ProgressSink, env: NodeJS.ProcessEnv, now: () => number = Date.now): Progress {
  return isInteractive(sink, env) ? spinnerProgress(sink, now) : plainProgress(sink, now);
}

function status(label: string, characters: number, startedAt: number, now: () => number): string {
  return `${label} · ~${formatTokens(estimateTokens(characters))} tokens received · ${((now() - startedAt) / 1000).toFixed(1)}s`;
}

/**
 * ora: the spinner Nx itself ships (CommonJS, already in every Nx install), which handles cursor hiding and
 * restoring on exit; `discardStdin: false` leaves Ctrl-C as a plain SIGINT that the drafter turns into an abort.
 */
function spinnerProgress(sink: ProgressSink, now: () => number): Progress {
  const spinner = ora({ stream: sink as NodeJS.WritableStream, isEnabled: true, discardStdin: false });
  let label = '';
  let startedAt = now();
  return {
    start(text) {
      label = text;
      startedAt = now();
      spinner.start(status(label, 0, startedAt, now));
    },
    received(characters) {
      spinner.text = status(label, characters, startedAt, now);
    },
    stop() {
      spinner.stop();
    },
  };
}

function plainProgress(sink: ProgressSink, now: () => number): Progress {
  let label = '';
  let startedAt = now();
  let lastLine = startedAt;
  return {
    start(text) {
      label = text;
      startedAt = lastLine = now();
      sink.write(`${label}...\n`);
    },
    received(characters) {
      if (now() - lastLine < PLAIN_INTERVAL_MS) return;
      lastLine = now();
      sink.write(`${status(label, characters, startedAt, now)}\n`);
    },
    stop() {},
  };
}
