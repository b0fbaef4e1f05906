import { readNxJson, type Tree } from '@nx/devkit';
import { InputError, readInputFile, readStdinInputSync } from '../../../inputs/feature-inputs';
import { DEFAULT_TEMPLATE, loadTemplates, resolveTemplate } from '../../../templates/load-templates';
import type { PlanSubject } from '../../../draft/prepare-plan';
import type { PlanTemplate } from '../../../templates/template';
import { treeSource } from '../../../workspace/tree-source';
import { readPluginOptions, type GroundplanOptions } from '../../../utils/plugin-options';
import type { PlanGeneratorSchema } from '../schema';

export interface NormalizedPlanOptions {
  project?: string;
  feature: string;
  template: PlanTemplate;
  description?: string;
  task?: { origin: string; text: string };
  inputs?: string[];
  budget: number;
  maxRepairs?: number;
  /** Claude: total time for one request and the longest silence in a stream, in seconds. */
  timeout?: number;
  idleTimeout?: number;
  force: boolean;
  skipFormat: boolean;
  plugin: GroundplanOptions;
}

/** Validates and completes the options before anything is read or written; every error names the option. */
export function normalizeOptions(tree: Tree, schema: PlanGeneratorSchema, stdin: () => string): NormalizedPlanOptions {
  checkNumbers(schema);
  if (schema.provider !== undefined && !['auto', 'anthropic', 'offline'].includes(schema.provider)) {
    throw new InputError(`Option --provider must be auto, anthropic or offline, not "${schema.provider}".`);
  }
  if (schema.inputs !== undefined && (!Array.isArray(schema.inputs) || schema.inputs.some((input) => typeof input !== 'string'))) {
    throw new InputError('Option --inputs takes file paths relative to the workspace root.');
  }
  const plugin = readPluginOptions(readNxJson(tree));
  const templates = loadTemplates(treeSource(tree), plugin.templatesDir);
  const feature = (schema.feature ?? 'current-feature').trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(feature)) {
    throw new InputError(`Option --feature "${schema.feature}" must be a folder name: letters, digits, '.', '_' and '-'.`);
  }
  // Nx reads `--task-file -` as the flag alone, and the `-` as a positional: the project's, when none came first.
  const project = schema.taskFile === true && schema.project === '-' ? undefined : schema.project?.trim() || undefined;
  return {
    project,
    feature,
    template: resolveTemplate(templates, schema.template ?? DEFAULT_TEMPLATE, plugin.templatesDir),
    description: schema.description,
    task: schema.taskFile ? readTask(tree, schema.taskFile, stdin) : undefined,
    inputs: schema.inputs?.length ? schema.inputs : undefined,
    budget: schema.budget ?? 8000,
    maxRepairs: schema.maxRepairs,
    timeout: schema.timeout,
    idleTimeout: schema.idleTimeout,
    force: schema.force ?? false,
    skipFormat: schema.skipFormat ?? false,
    plugin,
  };
}

/** Numeric options, checked before anything is read or written (Nx Console and the API skip the schema). */
const NUMBER_OPTIONS: Array<{ key: 'budget' | 'maxRepairs' | 'timeout' | 'idleTimeout'; min: number; max: number; what: string }> = [
  { key: 'budget', min: 500, max: 1_000_000, what: 'a token budget' },
  { key: 'maxRepairs', min: 0, max: 10, what: 'a number of repair rounds' },
  { key: 'timeout', min: 1, max: 3600, what: 'seconds' },
  { key: 'idleTimeout', min: 1, max: 3600, what: 'seconds' },
];

function checkNumbers(schema: PlanGeneratorSchema): void {
  for (const { key, min, max, what } of NUMBER_OPTIONS) {
    const value = schema[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new InputError(`Option --${key} must be a whole number from ${min} to ${max} (${what}), not ${JSON.stringify(value)}.`);
    }
  }
}

/** A task context from a workspace file (confined, capped, never a secrets file), or stdin (`-`, or the option alone). */
function readTask(tree: Tree, taskFile: string | true, stdin: () => string): { origin: string; text: string } {
  if (taskFile === true || taskFile === '-') return { origin: 'stdin', text: stdin() };
  return readInputFile(treeSource(tree), taskFile, '--task-file');
}

/** Reads stdin with the input cap, refusing to wait on an interactive terminal. */
export function readStdin(): string {
  if (process.stdin.isTTY) {
    throw new InputError('Option --task-file=- reads the task from stdin, but nothing was piped in. Pipe it (echo "task" | nx g plan ... --task-file=-) or give a file path.');
  }
  return readStdinInputSync('--task-file=-');
}

/** What the drafters are asked for, from the generator's options. */
export function subjectOf(options: NormalizedPlanOptions): PlanSubject {
  const { project, feature, template, inputs: files, description, task, budget } = options;
  return { project, feature, template, files, description, task, budget };
}

/** A plan already there may hold the user's edits: only --force replaces it. */
export function refuseOverwrite(tree: Tree, path: string, force: boolean): void {
  if (tree.exists(path) && !force) throw new InputError(`${path} already exists and may hold your edits. Re-run with --force to overwrite it, or choose another --feature.`);
}
