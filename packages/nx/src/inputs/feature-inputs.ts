import { basename, join } from 'node:path';
import type { FileSource } from '../utils/file-source';
import { contentHash } from '../plan-file/frontmatter';
import type { InputKind } from '../templates/template';

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

/** Bad input: names the file or option and says what to do. */
export class InputError extends Error {}

const FEATURE_FILES: Array<[InputKind, string]> = [
  ['jtbd', 'JTBD.md'],
  ['prd', 'PRD.md'],
  ['spec', 'spec.md'],
];

export function featureDir(projectRoot: string, feature: string): string {
  return join(projectRoot, 'product-development', feature);
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
    const file = findFile(source, path);
    if (file) inputs.push(readInput(source, kind, file));
    else if (explicit) throw new InputError(`Input file ${path} (option --inputs) does not exist. Paths are relative to the workspace root.`);
  }
  if (!inputs.some((input) => input.kind === 'constitution')) {
    for (const path of constitutionCandidates(query.projectRoot, dir)) {
      searched.push(path);
      if (source.isFile(path)) {
        inputs.push(readInput(source, 'constitution', path));
        break;
      }
    }
  }
  if (query.description !== undefined) inputs.push(textInput('description', 'description', query.description, '--description'));
  if (query.task) inputs.push(textInput('task', query.task.origin, query.task.text, '--task-file'));
  return { inputs, searched };
}

/** Where a constitution is looked for, most specific first. */
function constitutionCandidates(projectRoot: string, dir: string): string[] {
  return [
    join(dir, 'constitution.md'),
    join(projectRoot, 'constitution.md'),
    'product-development/constitution.md',
    '.specify/memory/constitution.md',
  ];
}

/** Finds a file case-insensitively (users write Prd.md and prd.md too). */
function findFile(source: FileSource, path: string): string | undefined {
  if (source.isFile(path)) return path;
  const dir = path.slice(0, Math.max(0, path.lastIndexOf('/')));
  const name = basename(path).toLowerCase();
  const match = source.list(dir).find((entry) => entry.toLowerCase() === name);
  return match ? join(dir, match) : undefined;
}

export function kindFromName(path: string): InputKind {
  const name = basename(path).toLowerCase();
  if (name.includes('jtbd') || name.includes('jobs')) return 'jtbd';
  if (name.includes('constitution')) return 'constitution';
  if (name.includes('spec')) return 'spec';
  if (name.includes('task')) return 'task';
  return 'prd';
}

function readInput(source: FileSource, kind: InputKind, path: string): FeatureInput {
  const bytes = source.read(path)!;
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new InputError(`Input ${path} is ${Math.round(bytes.length / 1024)} KiB, over the ${MAX_INPUT_BYTES / 1024} KiB limit for one input: trim it to the feature's own requirements.`);
  }
  if (looksBinary(bytes)) throw new InputError(`Input ${path} is not a text file: give a Markdown or plain-text file.`);
  return textInput(kind, path, bytes.toString('utf8'), path);
}

function textInput(kind: InputKind, origin: string, text: string, label: string): FeatureInput {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (clean.trim() === '') throw new InputError(`Input ${label} is empty: write the ${kindLabel(kind)} there, or remove it.`);
  if (Buffer.byteLength(clean) > MAX_INPUT_BYTES) {
    throw new InputError(`Input ${label} is over the ${MAX_INPUT_BYTES / 1024} KiB limit for one input.`);
  }
  return { kind, origin, text: clean, hash: contentHash(clean) };
}

function looksBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return true;
  return head.toString('utf8').includes('\uFFFD');
}

export function kindLabel(kind: InputKind): string {
  return { jtbd: 'jobs to be done', prd: 'product requirements', spec: 'specification', constitution: 'constitution', description: 'feature description', task: 'task context' }[kind];
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
