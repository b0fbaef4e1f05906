import { writeFileSync } from 'node:fs';
import { workspaceDataDir } from '../../code/index-cache';
import { nxProjectFileMap } from '../../workspace/nx-file-map';
import { indexWorkspace } from '../../code/index-workspace';
import { DEFAULT_BUDGET } from '../../context/build-context';
import { modelFacts } from '../../draft/claude/models';
import { buildPlanPrompt, renderPromptText, type PlanPrompt } from '../../draft/claude/prompt';
import { resolveModel } from '../../draft/claude/provider';
import { draftOffline } from '../../draft/offline/draft-offline';
import { preparePlan } from '../../draft/prepare-plan';
import { DEFAULT_TEMPLATE, loadTemplates, resolveTemplate } from '../../templates/load-templates';
import { InputError, readInputFile, readStdinInput } from '../../inputs/feature-inputs';
import { diskSource, readText } from '../../utils/file-source';
import { resolveWorkspacePath, WorkspacePathError } from '../../utils/workspace-path';
import { readPluginOptions } from '../../utils/plugin-options';
import { asUsageError, parseCommandArgs, UsageError, type Command, type CommandIo } from '../command';

const USAGE = `Usage: groundplan prompt [project] [--feature NAME] [--template ID] [--description TEXT]
                        [--task-file FILE|-] [--inputs FILE...] [--budget N] [--model ID]
                        [--no-offline-draft] [--json] [--output FILE]

Writes the exact prompt the Claude drafter would send for a plan — the system part (the template's rules
and the grounding rules) and the messages (the context pack, the offline draft, the inputs as data) — so
that you can draft with another agent. Nothing is sent anywhere. Run it in the workspace root.

Options:
  --feature NAME        feature folder under <projectRoot>/product-development/ (default current-feature)
  --template ID         plan template (default ${DEFAULT_TEMPLATE})
  --description TEXT    the feature as free text (alone, or beside the feature folder's files)
  --task-file FILE|-    one isolated task's context, from a file or stdin (task-blueprint)
  --inputs FILE         an explicit input file instead of the feature folder's (repeatable)
  --budget N            token budget of the context pack (default ${DEFAULT_BUDGET})
  --model ID            model the request is for (default: nx.json's plugin option, GROUNDPLAN_MODEL, or the current Sonnet)
  --no-offline-draft    leave the offline draft out of the prompt
  --json                the Messages API request body {model, max_tokens, system, messages} instead of text
  --output FILE         write to FILE instead of stdout`;

interface PromptOptions {
  project?: string;
  feature: string;
  template: string;
  description?: string;
  taskFile?: string;
  inputs?: string[];
  budget: number;
  model?: string;
  offlineDraft: boolean;
  json: boolean;
  output?: string;
}

export const promptCommand: Command = {
  name: 'prompt',
  summary: 'write the exact prompt the Claude drafter would send, to draft with another agent',
  usage: USAGE,
  async run(argv, io) {
    const options = parseOptions(argv);
    const source = diskSource(io.cwd);
    // The output is checked before anything is read: inside the workspace, a file, not an input.
    const output = options.output === undefined ? undefined : outputPath(io.cwd, options.output, options.inputs ?? []);
    const plugin = readPluginOptions(JSON.parse(readText(source, 'nx.json') ?? '{}'));
    const template = resolveTemplate(loadTemplates(source, plugin.templatesDir), options.template, plugin.templatesDir);
    const task = options.taskFile === undefined ? undefined : await readTask(options.taskFile, io);
    // Loaded here, not at start-up: Nx binds to a workspace root when first loaded.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { computeProjectGraph, readWorkspaceFacts } = require('../../workspace/read-workspace') as typeof import('../../workspace/read-workspace');
    const graph = await computeProjectGraph(io.cwd);
    const facts = readWorkspaceFacts(graph, source);
    const index = indexWorkspace({ projects: facts.projects, source, fileMap: await nxProjectFileMap(graph), cacheDir: workspaceDataDir(io.cwd, io.env) });
    const { inputs, context } = await preparePlan(
      { project: options.project, feature: options.feature, template, files: options.inputs, description: options.description, task, budget: options.budget },
      { facts, source, index },
    );
    const offlineDraft = options.offlineDraft
      ? (await draftOffline({ template, inputs, facts, context, index, feature: options.feature, drafter: 'offline', now: new Date().toISOString() }, source)).text
      : undefined;
    const prompt = buildPlanPrompt({ template, context, inputs, offlineDraft });
    const model = resolveModel(options.model, plugin.model, io.env).model;
    write(options.json ? requestJson(prompt, model) : renderPromptText(prompt), output, options.output, io);
    return 0;
  },
};

function parseOptions(argv: string[]): PromptOptions {
  const { values, positionals } = parseCommandArgs(argv, {
    feature: { type: 'string', default: 'current-feature' },
    template: { type: 'string', default: DEFAULT_TEMPLATE },
    description: { type: 'string' },
    'task-file': { type: 'string' },
    inputs: { type: 'string', multiple: true },
    budget: { type: 'string' },
    model: { type: 'string' },
    'no-offline-draft': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    output: { type: 'string' },
  });
  if (positionals.length > 1) throw new UsageError(`expected at most one project, got ${positionals.join(', ')}.`);
  const named = positionals[0] !== undefined || values.inputs !== undefined;
  if (!named && values.description === undefined && values['task-file'] === undefined) {
    throw new UsageError('name a project, or give --description, --task-file or --inputs so the affected project can be found.');
  }
  const budget = values.budget === undefined ? DEFAULT_BUDGET : Number(values.budget);
  if (!(Number.isInteger(budget) && budget > 0)) throw new UsageError(`--budget must be a positive whole number of tokens, not "${values.budget}".`);
  return {
    project: positionals[0],
    feature: values.feature!,
    template: values.template!,
    description: values.description,
    taskFile: values['task-file'],
    inputs: values.inputs,
    budget,
    model: values.model,
    offlineDraft: !values['no-offline-draft'],
    json: values.json!,
    output: values.output,
  };
}

async function readTask(file: string, io: CommandIo): Promise<{ origin: string; text: string }> {
  if (file === '-') {
    if (!io.stdin) throw new UsageError('--task-file - reads stdin, but there is none.');
    return { origin: 'stdin', text: await readStdinInput(io.stdin, '--task-file -') };
  }
  return asUsageError(() => readInputFile(diskSource(io.cwd), file, '--task-file', io.cwd));
}

function outputPath(root: string, output: string, inputs: string[]): string {
  try {
    return resolveWorkspacePath(root, output, { option: '--output', kind: 'output', notOneOf: inputs }).abs;
  } catch (error) {
    if (error instanceof WorkspacePathError) throw new InputError(error.message);
    throw error;
  }
}

/** The Messages API request the drafter would make (it streams, so it also sends `stream: true`). */
function requestJson(prompt: PlanPrompt, model: string): string {
  return `${JSON.stringify({ model, max_tokens: modelFacts(model).maxOutput, system: prompt.system, messages: prompt.messages }, null, 2)}\n`;
}

function write(text: string, path: string | undefined, output: string | undefined, io: CommandIo): void {
  if (path === undefined) return io.stdout(text);
  writeFileSync(path, text);
  io.stderr(`Prompt written to ${output}.\n`);
}
