import { writeFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../../context/build-context';
import { draftOfflinePlan, locatePlan } from '../../draft/draft-plan';
import { modelFacts } from '../../draft/model/models';
import { buildPlanPrompt, renderPromptText, type PlanPrompt } from '../../draft/model/prompt';
import { resolveModel } from '../../draft/model/provider';
import { InputError, readTextOption } from '../../inputs/feature-inputs';
import { DEFAULT_TEMPLATE } from '../../templates/load-templates';
import { resolveWorkspacePath, WorkspacePathError } from '../../utils/workspace-path';
import { openWorkspace } from '../../workspace/open-workspace';
import { asUsageError, parseBudget, parseCommandArgs, UsageError, type Command, type CommandIo } from '../command';

const USAGE = `Usage: groundplan prompt [project] [--feature NAME] [--template ID] [--description TEXT]
                        [--task-file FILE|-] [--inputs FILE...] [--budget N] [--model ID]
                        [--no-offline-draft] [--json] [--output FILE]

Writes the exact prompt the Claude drafter would send for a plan — the system part (the template's rules
and the grounding rules) and the messages (the context pack, the offline draft, the inputs as data) — so
that you can draft with another agent. Nothing is sent anywhere. Run it anywhere inside the workspace.

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
    const workspace = openWorkspace(io.cwd, { env: io.env });
    // The output is checked before anything is read: inside the workspace, a file, not an input.
    const output = options.output === undefined ? undefined : outputPath(workspace.root, io.cwd, options.output, options.inputs ?? []);
    const template = workspace.template(options.template);
    const task = options.taskFile === undefined ? undefined : await asUsageError(() => readTextOption(workspace.source, options.taskFile!, '--task-file', io));
    const plan = await locatePlan(workspace, { project: options.project, feature: options.feature, template, files: options.inputs, description: options.description, task, budget: options.budget });
    const offlineDraft = options.offlineDraft ? (await draftOfflinePlan(plan)).text : undefined;
    const prompt = buildPlanPrompt({ template, context: plan.context, inputs: plan.inputs, offlineDraft });
    const model = resolveModel(options.model, workspace.plugin().model, io.env).model;
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
  return {
    project: positionals[0],
    feature: values.feature!,
    template: values.template!,
    description: values.description,
    taskFile: values['task-file'],
    inputs: values.inputs,
    budget: parseBudget(values.budget) ?? DEFAULT_BUDGET,
    model: values.model,
    offlineDraft: !values['no-offline-draft'],
    json: values.json!,
    output: values.output,
  };
}

function outputPath(root: string, cwd: string, output: string, inputs: string[]): string {
  try {
    return resolveWorkspacePath(root, output, { option: '--output', kind: 'output', base: cwd, notOneOf: inputs }).abs;
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
