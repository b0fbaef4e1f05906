import { realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { checkMarkdownBounds, MarkdownBoundsError } from '../markdown/bounds';
import type { FileSource } from '../utils/file-source';
import { contentHash } from '../utils/content-hash';
import type { InputKind } from '../templates/template';
import { isSecretPath, redactSecrets } from '../utils/secrets';
import { describeKind, FileTooLargeError, formatBytes, isInWorkspace, readStreamCapped, realRoot } from '../utils/workspace-path';

/** One piece of what the user wants built. Its text is data: it is never evaluated as a template. */
export interface FeatureInput {
  kind: InputKind;
  /** Workspace-relative path, or `description` / `stdin` for text given on the command line. */
  origin: string;
  text: string;
  hash: string;
}

export interface InputQuery {
  projectRoot: string;
  feature: string;
  /** Explicit input files (workspace-relative); they replace the search of the feature folder. */
  files?: string[];
  description?: string;
  /** Task context already read (from a file or stdin), with where it came from. */
  task?: { origin: string; text: string };
}

export interface FoundInputs {
  inputs: FeatureInput[];
  /** Every place that was looked in, for the "no inputs found" message. */
  searched: string[];
}

export const MAX_INPUT_BYTES = 256 * 1024;

/** The feature folder when none is named. */
export const DEFAULT_FEATURE = 'current-feature';

/** Bad input: names the file or option and says what to do. */
export class InputError extends Error {}

const FEATURE_FILES: Array<[InputKind, string]> = [
  ['jtbd', 'JTBD.md'],
  ['prd', 'PRD.md'],
  ['spec', 'spec.md'],
];

/** A feature name, checked: it becomes a folder name, so it can neither climb out nor hide (`..`, `/`, `.x`). */
export function featureName(given: string | undefined, option: string): string {
  const feature = (given ?? DEFAULT_FEATURE).trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(feature)) {
    throw new InputError(`${option} "${given}" must be a folder name: letters, digits, '.', '_' and '-'.`);
  }
  return feature;
}

/** The folder of a project that holds its features: their inputs (JTBD, PRD, spec) and their plans. */
export const FEATURES_FOLDER = 'product-development';

/** A feature's input or plan (anything under a project's features folder): planning, not code. */
export function isPlanningDocument(path: string): boolean {
  return path.split('/').includes(FEATURES_FOLDER);
}

export function featureDir(projectRoot: string, feature: string): string {
  return join(projectRoot, FEATURES_FOLDER, feature);
}

/** Finds and reads a feature's inputs: explicit files, or the feature folder, plus the constitution. */
export function findInputs(source: FileSource, query: InputQuery): FoundInputs {
  const dir = featureDir(query.projectRoot, query.feature);
  const inputs: FeatureInput[] = [];
  const searched: string[] = [];
  const candidates = query.files?.length
    ? query.files.map((path) => ({ kind: kindFromName(path), path, explicit: true }))
    : FEATURE_FILES.map(([kind, name]) => ({ kind, path: join(dir, name), explicit: false }));
  for (const { kind, path, explicit } of candidates) {
    searched.push(path);
    if (explicit) {
      inputs.push(readInput(source, kind, workspacePath(source, path, '--inputs'), '--inputs'));
      continue;
    }
    const file = findFile(source, path);
    if (file) inputs.push(readInput(source, kind, file, `the feature folder's ${basename(file)}`));
  }
  if (!inputs.some((input) => input.kind === 'constitution')) {
    for (const path of constitutionCandidates(query.projectRoot, dir)) {
      searched.push(path);
      if (source.isFile(path)) {
        inputs.push(readInput(source, 'constitution', path, 'the constitution'));
        break;
      }
    }
  }
  if (query.description !== undefined) inputs.push(textInput('description', 'description', query.description, '--description'));
  if (query.task) {
    if (query.task.origin !== 'stdin') refuseSecretFile(source, query.task.origin, '--task-file');
    inputs.push(textInput('task', query.task.origin, query.task.text, '--task-file'));
  }
  return { inputs, searched };
}

/** Where a constitution is looked for, most specific first. */
function constitutionCandidates(projectRoot: string, dir: string): string[] {
  return [join(dir, 'constitution.md'), join(projectRoot, 'constitution.md'), 'product-development/constitution.md', '.specify/memory/constitution.md'];
}

/** Finds a file case-insensitively (users write Prd.md and prd.md too). */
function findFile(source: FileSource, path: string): string | undefined {
  if (source.isFile(path)) return path;
  const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')));
  const name = basename(path).toLowerCase();
  const match = source.list(dir).find((entry) => entry.toLowerCase() === name);
  if (!match) return undefined;
  const found = join(dir, match);
  // A PRD.md that is a folder, a FIFO or a link out of the workspace is not skipped in silence.
  if (!source.isFile(found)) throw notReadable(source, found, `the feature folder's ${match}`);
  return found;
}

export function kindFromName(path: string): InputKind {
  const name = basename(path).toLowerCase();
  if (name.includes('jtbd') || name.includes('jobs')) return 'jtbd';
  if (name.includes('constitution')) return 'constitution';
  if (name.includes('spec')) return 'spec';
  if (name.includes('task')) return 'task';
  return 'prd';
}

/**
 * The workspace-relative form of a user-given path, or an InputError naming the option: absolute paths and
 * `../` that leave the workspace are refused before anything is looked at.
 */
export function workspacePath(source: FileSource, given: string, option: string, base?: string): string {
  if (typeof given !== 'string' || given.trim() === '' || given.includes('\0')) throw new InputError(`Option ${option}: "${given}" is not a file path.`);
  const root = resolve(source.root);
  const abs = resolve(base ?? root, given);
  let rel = relative(root, abs);
  if (rel.startsWith('..') && isAbsolute(given)) rel = relative(realRoot(source.root), abs);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw new InputError(`Option ${option}: ${given} is outside the workspace; inputs are read only from inside it (${source.root}).`);
  }
  return posix.normalize(rel.split(sep).join('/'));
}

/** Why a path that is there cannot be read as an input: a link out of the workspace, a folder, a FIFO, too large. */
function notReadable(source: FileSource, path: string, label: string): InputError {
  if (!isInWorkspace(source.root, path))
    return new InputError(`Input ${label} (${path}) resolves outside the workspace (a symbolic link?); inputs are read only from inside it.`);
  try {
    const stat = statSync(join(source.root, path));
    if (stat.isFile())
      return new InputError(
        `Input ${label} (${path}) is ${formatBytes(stat.size)}, over the ${MAX_INPUT_BYTES / 1024} KiB limit for one input: trim it to the feature's own requirements.`,
      );
    return new InputError(`Input ${label} (${path}) is ${describeKind(stat)}, not a regular file: give a Markdown or plain-text file.`);
  } catch {
    return new InputError(`Input ${label}: ${path} does not exist. Paths are relative to the workspace root.`);
  }
}

/** A file that holds secrets by its very name (.env, a key), by the name given or the name it links to. */
function refuseSecretFile(source: FileSource, path: string, label: string): void {
  let real = path;
  try {
    real = realpathSync.native(join(source.root, path));
  } catch {
    // Not on disk (a pending Tree file): its own name decides.
  }
  if (isSecretPath(path) || isSecretPath(real)) {
    throw new InputError(
      `Input ${label}: ${path} is a secrets file (.env, a key, credentials); it is never read into a plan or a prompt. Describe what the feature needs instead.`,
    );
  }
}

/** Reads one input file: confined, a regular text file, within the size cap, never a secrets file. */
function readInput(source: FileSource, kind: InputKind, path: string, label: string): FeatureInput {
  return textInput(kind, path, readRawInput(source, path, label), path);
}

function readRawInput(source: FileSource, path: string, label: string): string {
  refuseSecretFile(source, path, label);
  if (!source.isFile(path)) throw notReadable(source, path, label);
  const bytes = source.read(path);
  if (bytes === undefined) throw notReadable(source, path, label);
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(
      `Input ${path} is ${Math.round(bytes.length / 1024)} KiB, over the ${MAX_INPUT_BYTES / 1024} KiB limit for one input: trim it to the feature's own requirements.`,
    );
  }
  if (looksBinary(bytes)) throw new InputError(`Input ${path} is not a text file: give a Markdown or plain-text file.`);
  return bytes.toString('utf8');
}

/**
 * Reads a task or query file given on the command line (`--task-file`, `--query-file`): relative to the
 * workspace root, else to the working folder, under the same rules as every input.
 */
export function readInputFile(source: FileSource, given: string, option: string, cwd: string = process.cwd()): { origin: string; text: string } {
  let path = workspacePath(source, given, option);
  if (!source.exists(path) && !isAbsolute(given) && isInWorkspace(source.root, cwd) && resolve(cwd) !== resolve(source.root)) {
    const fromCwd = workspacePath(source, given, option, cwd);
    if (source.exists(fromCwd)) path = fromCwd;
  }
  if (!source.exists(path)) {
    if (isInWorkspace(source.root, path))
      throw new InputError(`Option ${option}: ${given} does not exist (paths are relative to the workspace root; use '-' to read stdin).`);
    throw notReadable(source, path, `${option} ${given}`);
  }
  return { origin: path, text: readRawInput(source, path, `${option} ${given}`) };
}

/**
 * The one stdin reader (`-` for a file option), with the input cap. It refuses to wait on a terminal: a
 * command run without a pipe would otherwise hang until the user thinks of Ctrl-D.
 */
export async function readStdinInput(stream: NodeJS.ReadableStream | undefined, option: string): Promise<string> {
  if (!stream || (stream as { isTTY?: boolean }).isTTY) {
    throw new InputError(`Option ${option} reads stdin, but nothing was piped in: pipe the text in (echo "..." | ...) or give a file path.`);
  }
  try {
    return await readStreamCapped(stream, MAX_INPUT_BYTES, 'stdin');
  } catch (error) {
    if (error instanceof FileTooLargeError) throw new InputError(`Option ${option}: stdin is over the ${MAX_INPUT_BYTES / 1024} KiB limit for one input.`);
    throw error;
  }
}

/** A text option that names a file or, as `-`, stdin: `--task-file`, `--query-file`. */
export async function readTextOption(
  source: FileSource,
  given: string,
  option: string,
  io: { stdin?: NodeJS.ReadableStream; cwd?: string },
): Promise<{ origin: string; text: string }> {
  if (given === '-') return { origin: 'stdin', text: await readStdinInput(io.stdin, `${option}=-`) };
  return readInputFile(source, given, option, io.cwd);
}

/**
 * Every input's text enters plans and prompts through here: size and nesting checked (so no parser runs out
 * of stack on it), and secrets redacted, so the offline drafter and the prompt only ever see redacted text.
 * The hash is of the text as given, so a changed input still shows.
 */
export function textInput(kind: InputKind, origin: string, text: string, label: string): FeatureInput {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (clean.trim() === '') throw new InputError(`Input ${label} is empty: write the ${kindLabel(kind)} there, or remove it.`);
  if (Buffer.byteLength(clean) > MAX_INPUT_BYTES) {
    throw new InputError(`Input ${label} is over the ${MAX_INPUT_BYTES / 1024} KiB limit for one input.`);
  }
  try {
    checkMarkdownBounds(clean, `Input ${label}`, MAX_INPUT_BYTES);
  } catch (error) {
    if (error instanceof MarkdownBoundsError) throw new InputError(error.message);
    throw error;
  }
  return { kind, origin, text: redactSecrets(clean), hash: contentHash(clean) };
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return true;
  return head.toString('utf8').includes('\uFFFD');
}

export function kindLabel(kind: InputKind): string {
  return {
    jtbd: 'jobs to be done',
    prd: 'product requirements',
    spec: 'specification',
    constitution: 'constitution',
    description: 'feature description',
    task: 'task context',
  }[kind];
}

/** Checks the inputs against a template's needs; the message lists what was looked for and where. */
export function checkInputsCover(found: FoundInputs, anyOf: InputKind[][], templateId: string): void {
  const kinds = new Set(found.inputs.map((input) => input.kind));
  if (anyOf.some((set) => set.every((kind) => kinds.has(kind)))) return;
  const wanted = anyOf.map((set) => set.map(kindOption).join(' + ')).join(', or ');
  throw new InputError(
    `No inputs for template "${templateId}": it needs ${wanted}. Looked in:\n` +
      found.searched.map((path) => `  - ${path}`).join('\n') +
      '\nAdd the files there, pass --inputs <files>, or give --description "..." / --task-file <file|->.',
  );
}

function kindOption(kind: InputKind): string {
  return { jtbd: 'JTBD.md', prd: 'PRD.md', spec: 'spec.md', constitution: 'constitution.md', description: '--description', task: '--task-file' }[kind];
}
