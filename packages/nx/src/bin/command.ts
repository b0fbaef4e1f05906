import { relative, resolve, sep } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../inputs/feature-inputs';

/** A `groundplan` sub-command. Commands write through `io` so tests can run them in-process. */
export interface CommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin?: NodeJS.ReadableStream;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the process exit code. */
  run(argv: string[], io: CommandIo): Promise<number>;
}

/** A usage error: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}

/** A file option that cannot be read (or stdin that is not there) is a usage error: exit 2, with the usage. */
export async function asUsageError<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message.replace(/^Option (\S+): /, 'cannot read $1 '));
    throw error;
  }
}

/** The options of a command, as node:util's parseArgs declares them. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

type Parsed<T extends CommandOptions> = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: T }>>;

/** node:util's parseArgs with positionals allowed, its errors turned into usage errors. */
export function parseCommandArgs<T extends CommandOptions>(argv: string[], options: T): Parsed<T> {
  try {
    return parseArgs<{ args: string[]; allowPositionals: true; options: T }>({ args: argv, allowPositionals: true, options });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--budget N`: a positive whole number of tokens, or the engine's default when not given. */
export function parseBudget(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const budget = Number(value);
  if (!(Number.isInteger(budget) && budget > 0)) throw new UsageError(`--budget must be a positive whole number of tokens, not "${value}".`);
  return budget;
}

/** Paths and globs given relative to the working folder, as the workspace-relative ones the engine takes. */
export function workspacePatterns(root: string, cwd: string, patterns: string[]): string[] {
  return patterns.map((pattern) => relative(root, resolve(cwd, pattern)).split(sep).join('/'));
}
