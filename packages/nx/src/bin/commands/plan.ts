import {
  describeDraft,
  describeMissingReads,
  describePick,
  diskPlanFiles,
  draftOfflinePlan,
  locatePlan,
  modelDraft,
  refuseToReplace,
  writePlan,
  type LocatedPlan,
} from '../../draft/draft-plan';
import type { ProviderOption } from '../../draft/claude/provider';
import { normalizeOptions } from '../../draft/plan-options';
import type { PlanOptions } from '../../draft/plan-options';
import { readProvenance, splitFrontmatter } from '../../plan-file/frontmatter';
import { openWorkspace } from '../../session/open-workspace';
import { asUsageError, parseCommandArgs, type Command } from '../command';
import { PLAN_SUBJECT_OPTIONS, PLAN_SUBJECT_USAGE, planSubjectSchema, wholeNumber } from '../plan-options';

const USAGE = `Usage: groundplan plan [project] [--feature NAME] [--template ID] [--description TEXT]
                      [--task-file FILE|-] [--inputs FILE]... [--budget N] [--provider auto|anthropic|offline]
                      [--model ID] [--max-repairs N] [--timeout S] [--idle-timeout S]
                      [--dry-run] [--force] [--json]

Drafts a plan as \`nx g @groundplan/nx:plan\` does, outside Nx: the same engine, the same file
(<projectRoot>/product-development/<feature>/plan.md), written atomically. Run it anywhere inside the workspace.

Options:
${PLAN_SUBJECT_USAGE}
  --provider P          auto (Claude when ANTHROPIC_API_KEY is set), anthropic, or offline (default auto)
  --max-repairs N       rounds in which Claude corrects lint errors (default 2)
  --timeout S           seconds one request to Claude may take in all
  --idle-timeout S      seconds Claude's answer may stay silent
  --dry-run             write nothing and call no model; print the offline draft
  --force               replace an existing plan (the previous one is kept as <plan>.bak)
  --json                print {path, written, backup, drafter, grounding: {project, files, symbols}, text}

Exit code: 0 when written (or on --dry-run), 1 on a failure, 2 on bad usage.`;

export const planCommand: Command = {
  name: 'plan',
  summary: 'draft a grounded plan into the feature folder (nx g plan, outside Nx)',
  usage: USAGE,
  async run(argv, io) {
    const { schema, dryRun, json } = parseOptions(argv);
    const workspace = openWorkspace(io.cwd, { env: io.env });
    const log = (line: string) => io.stderr(`${line}\n`);
    const options = await asUsageError(() => normalizeOptions(workspace, schema, io.stdin));
    const plan = await locatePlan(workspace, options);
    if (plan.ranking) describePick(plan.ranking).forEach(log);
    const missing = describeMissingReads(plan);
    if (missing) log(missing);
    refuseToReplace(plan, options.force, '--force');
    const draft = await draftOfflinePlan(plan);
    describeDraft(plan, draft.data.tasks.length).forEach(log);
    if (dryRun) {
      log(`Dry run: nothing written to ${plan.path}, no model called.`);
      io.stdout(json ? planJson(plan, draft.text, false) : draft.text);
      return 0;
    }
    // Chosen before anything is written: `--provider anthropic` without a key fails with the old plan intact.
    const model = modelDraft(plan, workspace, draft.text, schema, { env: io.env, stderr: { write: io.stderr }, log });
    const files = diskPlanFiles(workspace.source);
    const { backup } = writePlan(files, plan.path, draft.text);
    if (backup) log(`Groundplan: --force replaced ${plan.path}; the previous plan (with any edits) is kept at ${backup}.`);
    await model?.();
    const written = files.read(plan.path) ?? draft.text;
    io.stdout(json ? planJson(plan, written, true, backup) : `Plan written to ${plan.path}\n`);
    return 0;
  },
};

function parseOptions(argv: string[]): { schema: PlanOptions; dryRun: boolean; json: boolean } {
  const { values, positionals } = parseCommandArgs(argv, {
    ...PLAN_SUBJECT_OPTIONS,
    provider: { type: 'string' },
    'max-repairs': { type: 'string' },
    timeout: { type: 'string' },
    'idle-timeout': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  // The generator's own checks (ranges, names, files) run on these in normalizeOptions, with its messages.
  const schema: PlanOptions = {
    ...planSubjectSchema(values, positionals),
    provider: values.provider as ProviderOption | undefined,
    maxRepairs: wholeNumber(values['max-repairs'], '--max-repairs'),
    timeout: wholeNumber(values.timeout, '--timeout'),
    idleTimeout: wholeNumber(values['idle-timeout'], '--idle-timeout'),
    force: values.force,
  };
  return { schema, dryRun: values['dry-run'] ?? false, json: values.json ?? false };
}

/** For scripts: what was (or would be) written, and what it is grounded in. */
function planJson(plan: LocatedPlan, text: string, written: boolean, backup?: string): string {
  const { context } = plan;
  const drafter = readProvenance(splitFrontmatter(text).frontmatter)?.drafter;
  return `${JSON.stringify(
    {
      path: plan.path,
      written,
      ...(backup ? { backup } : {}),
      template: plan.subject.template.id,
      drafter,
      grounding: {
        project: { name: context.affected.name, why: context.affected.why },
        files: context.files.map(({ path, why }) => ({ path, why })),
        symbols: context.files.flatMap((file) => file.symbols.map((symbol) => ({ file: file.path, name: symbol.name, kind: symbol.kind }))),
      },
      text,
    },
    null,
    2,
  )}\n`;
}
