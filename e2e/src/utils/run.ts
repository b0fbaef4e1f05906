import { spawn } from 'node:child_process';

export interface RunResult {
  /** The command line, for failure messages. */
  command: string;
  /** Exit code; null when a signal ended the process. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr: where a message lands differs across Nx versions, so assertions read both. */
  output: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Written to stdin, which is then closed (stdin is always closed, so nothing waits on it). */
  input?: string;
}

/**
 * Under Jest's test timeout (jest.config.js), so that a command that hangs is ended here, with its output,
 * rather than left running when Jest gives up on the test.
 */
const COMMAND_TIMEOUT_MS = 4 * 60_000;

/**
 * Runs a command to its end. Asynchronous on purpose: a test's local Messages API server lives in this process
 * and must keep answering while the command runs.
 */
export function run(command: string, args: string[], options: RunOptions): Promise<RunResult> {
  const line = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: 'pipe' });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, COMMAND_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const out = Buffer.concat(stdout).toString('utf8');
      const err = Buffer.concat(stderr).toString('utf8') + (timedOut ? `\n[ended after ${COMMAND_TIMEOUT_MS / 1000}s: it did not finish]` : '');
      resolve({ command: line, code, stdout: out, stderr: err, output: `${out}\n${err}` });
    });
    // A command that reads no stdin may exit before it is closed (EPIPE): that is not the command's failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Fails with the command's whole output when it did not exit as expected, so a red test says why. A failure is
 * an exit code other than 0: a process ended by a signal (or the timeout) is neither.
 */
export function expectExit(result: RunResult, expected: 'success' | 'failure'): void {
  const asExpected = expected === 'success' ? result.code === 0 : result.code !== null && result.code !== 0;
  if (!asExpected) {
    throw new Error(`\`${result.command}\` exited with ${result.code}, expected ${expected}. Its output:\n${result.output}`);
  }
}
