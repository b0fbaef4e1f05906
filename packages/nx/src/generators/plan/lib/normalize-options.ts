import { readNxJson, type Tree } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { InputError } from '../../../inputs/feature-inputs';
import { DEFAULT_TEMPLATE, loadTemplates, resolveTemplate } from '../../../templates/load-templates';
import type { PlanTemplate } from '../../../templates/template';
import { treeSource } from '../../../utils/tree-source';
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
  force: boolean;
  skipFormat: boolean;
  plugin: GroundplanOptions;
}

/** Validates and completes the options before anything is read or written; every error names the option. */
export function normalizeOptions(tree: Tree, schema: PlanGeneratorSchema, stdin: () => string): NormalizedPlanOptions {
  const plugin = readPluginOptions(readNxJson(tree));
  const templates = loadTemplates(treeSource(tree), plugin.templatesDir);
  const feature = (schema.feature ?? 'current-feature').trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(feature)) {
    throw new InputError(`Option --feature "${schema.feature}" must be a folder name: letters, digits, '.', '_' and '-'.`);
  }
  return {
    project: schema.project?.trim() || undefined,
    feature,
    template: resolveTemplate(templates, schema.template ?? DEFAULT_TEMPLATE, plugin.templatesDir),
    description: schema.description,
    task: schema.taskFile ? readTask(tree, schema.taskFile, stdin) : undefined,
    inputs: schema.inputs?.length ? schema.inputs : undefined,
    budget: schema.budget ?? 8000,
    force: schema.force ?? false,
    skipFormat: schema.skipFormat ?? false,
    plugin,
  };
}

/** A task context from a workspace file, an absolute path, or stdin (`-`). */
function readTask(tree: Tree, taskFile: string, stdin: () => string): { origin: string; text: string } {
  if (taskFile === '-') return { origin: 'stdin', text: stdin() };
  if (!isAbsolute(taskFile) && tree.isFile(taskFile)) return { origin: taskFile, text: tree.read(taskFile, 'utf-8')! };
  const path = isAbsolute(taskFile) ? taskFile : join(process.cwd(), taskFile);
  try {
    return { origin: taskFile, text: readFileSync(path, 'utf8') };
  } catch {
    throw new InputError(`Option --task-file: ${taskFile} does not exist (paths are relative to the workspace root; use '-' to read stdin).`);
  }
}

/** Reads all of stdin, refusing to wait on an interactive terminal. */
export function readStdin(): string {
  if (process.stdin.isTTY) {
    throw new InputError('Option --task-file=- reads the task from stdin, but nothing was piped in. Pipe it (echo "task" | nx g plan ... --task-file=-) or give a file path.');
  }
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    throw new InputError(`Option --task-file=-: could not read stdin (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give a file path instead.`);
  }
}
