import { DEFAULT_BUDGET } from '../context/build-context';
import { featureName, InputError, readTextOption } from '../inputs/feature-inputs';
import { DEFAULT_TEMPLATE } from '../templates/load-templates';
import type { PlanSubject } from './prepare-plan';
import type { Workspace } from '../session/open-workspace';

/** What a plan is asked for with: the plan generator's options (its schema.json), also `groundplan plan`'s. */
export interface PlanOptions {
  project?: string;
  feature?: string;
  template?: string;
  description?: string;
  /** A path, or `-`; `true` when given alone (`--task-file` with nothing after it, or before a lone `-`, which Nx reads as a flag). */
  taskFile?: string | boolean;
  inputs?: string[];
  budget?: number;
  provider?: 'auto' | 'anthropic' | 'offline';
  model?: string;
  maxRepairs?: number;
  /** Claude: seconds one request may take in all. */
  timeout?: number;
  /** Claude: seconds the answer's stream may stay silent. */
  idleTimeout?: number;
  force?: boolean;
  skipFormat?: boolean;
}

/** The plan's subject (project, feature, template, inputs, budget) and how it is written. */
export interface NormalizedPlanOptions extends PlanSubject {
  maxRepairs?: number;
  /** Claude: total time for one request and the longest silence in a stream, in seconds. */
  timeout?: number;
  idleTimeout?: number;
  force: boolean;
  skipFormat: boolean;
}

/**
 * Validates and completes the options before anything is read or written; every error names the option.
 * `nx g plan` and `groundplan plan` both go through here.
 */
export async function normalizeOptions(workspace: Workspace, schema: PlanOptions, stdin: NodeJS.ReadableStream | undefined): Promise<NormalizedPlanOptions> {
  checkNumbers(schema);
  if (schema.provider !== undefined && !['auto', 'anthropic', 'offline'].includes(schema.provider)) {
    throw new InputError(`Option --provider must be auto, anthropic or offline, not "${schema.provider}".`);
  }
  if (schema.inputs !== undefined && (!Array.isArray(schema.inputs) || schema.inputs.some((input) => typeof input !== 'string'))) {
    throw new InputError('Option --inputs takes file paths relative to the workspace root.');
  }
  // Nx reads `--task-file -` as the flag alone, and the `-` as a positional: the project's, when none came first.
  const taskFile = schema.taskFile === true ? '-' : schema.taskFile || undefined;
  return {
    project: schema.taskFile === true && schema.project === '-' ? undefined : schema.project?.trim() || undefined,
    feature: featureName(schema.feature, 'Option --feature'),
    template: workspace.template(schema.template ?? DEFAULT_TEMPLATE),
    description: schema.description,
    // A task context from a workspace file (confined, capped, never a secrets file), or stdin (`-`, or the option alone).
    task: taskFile ? await readTextOption(workspace.source, taskFile, '--task-file', { stdin }) : undefined,
    files: schema.inputs?.length ? schema.inputs : undefined,
    budget: schema.budget ?? DEFAULT_BUDGET,
    maxRepairs: schema.maxRepairs,
    timeout: schema.timeout,
    idleTimeout: schema.idleTimeout,
    force: schema.force ?? false,
    skipFormat: schema.skipFormat ?? false,
  };
}

/** Numeric options, checked before anything is read or written (Nx Console and the API skip the schema). */
const NUMBER_OPTIONS: Array<{ key: 'budget' | 'maxRepairs' | 'timeout' | 'idleTimeout'; min: number; max: number; what: string }> = [
  { key: 'budget', min: 500, max: 1_000_000, what: 'a token budget' },
  { key: 'maxRepairs', min: 0, max: 10, what: 'a number of repair rounds' },
  { key: 'timeout', min: 1, max: 3600, what: 'seconds' },
  { key: 'idleTimeout', min: 1, max: 3600, what: 'seconds' },
];

function checkNumbers(schema: PlanOptions): void {
  for (const { key, min, max, what } of NUMBER_OPTIONS) {
    const value = schema[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new InputError(`Option --${key} must be a whole number from ${min} to ${max} (${what}), not ${JSON.stringify(value)}.`);
    }
  }
}
