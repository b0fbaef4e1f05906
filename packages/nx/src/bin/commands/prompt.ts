import { writeFileSync } from 'node:fs';
import { draftOfflinePlan, locatePlan } from '../../draft/draft-plan';
import { modelFacts } from '../../draft/claude/models';
import { buildPlanPrompt, renderPromptText, type PlanPrompt } from '../../draft/claude/prompt';
import { resolveModel } from '../../draft/claude/provider';
import { normalizeOptions } from '../../draft/plan-options';
import type { PlanOptions } from '../../draft/plan-options';
import { InputError } from '../../inputs/feature-inputs';
import { resolveWorkspacePath, WorkspacePathError } from '../../utils/workspace-path';
import { openWorkspace } from '../../session/open-workspace';
import { asUsageError, parseCommandArgs, UsageError, type Command, type CommandIo } from '../command';
import { PLAN_SUBJECT_OPTIONS, PLAN_SUBJECT_USAGE, planSubjectSchema } from '../plan-options';

const USAGE = `Usage: groundplan prompt [project] [--feature NAME] [--template ID] [--description TEXT]
                        [--task-file FILE|-] [--inputs FILE...] [--budget N] [--model ID]
                        [--no-offline-draft] [--json] [--output FILE]

Writes the exact prompt the Claude drafter would send for a plan — the system part (the template's rules
and the grounding rules) and the messages (the context pack, the offline draft, the inputs as data) — so
that you can draft with another agent. Nothing is sent anywhere. Run it anywhere inside the workspace.

Options:
${PLAN_SUBJECT_USAGE}
  --no-offline-draft    leave the offline draft out of the prompt
  --json                the Messages API request body {model, max_tokens, system, messages} instead of text
  --output FILE         write to FILE instead of stdout`;

export const promptCommand: Command = {
  name: 'prompt',
  summary: 'write the exact prompt the Claude drafter would send, to draft with another agent',
  usage: USAGE,
  async run(argv, io) {
    const { schema, offlineDraft, json, output } = parseOptions(argv);
    const workspace = openWorkspace(io.cwd, { env: io.env });
    // The output is checked before anything is read: inside the workspace, a file, not an input.
    const outputFile = output === undefined ? undefined : outputPath(workspace.root, io.cwd, output, schema.inputs ?? []);
    const options = await asUsageError(() => normalizeOptions(workspace, schema, io.stdin));
    const plan = await locatePlan(workspace, options);
    const draft = offlineDraft ? (await draftOfflinePlan(plan)).text : undefined;
    const prompt = buildPlanPrompt({ template: options.template, context: plan.context, inputs: plan.inputs, offlineDraft: draft });
    const model = resolveModel(schema.model, workspace.plugin().model, io.env).model;
    write(json ? requestJson(prompt, model) : renderPromptText(prompt), outputFile, output, io);
    return 0;
  },
};

function parseOptions(argv: string[]): { schema: PlanOptions; offlineDraft: boolean; json: boolean; output?: string } {
  const { values, positionals } = parseCommandArgs(argv, {
    ...PLAN_SUBJECT_OPTIONS,
    'no-offline-draft': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    output: { type: 'string' },
  });
  const schema = planSubjectSchema(values, positionals);
  if (schema.project === undefined && !schema.inputs && schema.description === undefined && schema.taskFile === undefined) {
    throw new UsageError('name a project, or give --description, --task-file or --inputs so the affected project can be found.');
  }
  return { schema, offlineDraft: !values['no-offline-draft'], json: values.json ?? false, output: values.output };
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
