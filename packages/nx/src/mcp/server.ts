import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { buildContext, DEFAULT_BUDGET } from '../context/build-context';
import type { ContextPack } from '../context/types';
import { diskPlanFiles, draftOfflinePlan, locatePlan, refuseToReplace, stampPlan, writePlan, type LocatedPlan } from '../draft/draft-plan';
import { buildPlanPrompt, renderPromptText } from '../draft/claude/prompt';
import { featureDir, featureName, findInputs, InputError } from '../inputs/feature-inputs';
import { lintPlan, type LintResult } from '../lint/lint-plan';
import { runLint } from '../lint/run-lint';
import { createLintWorkspace } from '../lint/workspace-view';
import { splitFrontmatter } from '../plan-file/frontmatter';
import { DEFAULT_TEMPLATE } from '../templates/load-templates';
import type { PlanTemplate } from '../templates/template';
import { resolveWorkspacePath } from '../utils/workspace-path';
import type { Workspace } from '../session/open-workspace';
import type { WorkspaceFacts } from '../workspace/types';

/**
 * Groundplan for coding agents: the agent writes the plan with its own model; these tools give it the grounded
 * context, the template's brief, the linter and a safe write. Definitions are kept terse on purpose: every
 * token of them is paid on every turn of the agent's conversation.
 */
export function createMcpServer(workspace: Workspace, version: string): McpServer {
  const server = new McpServer({ name: 'groundplan', version });
  // An agent edits code between calls: each call sees the workspace as it is now (the index is kept if nothing changed).
  const fresh =
    <A>(run: (args: A) => Promise<CallToolResult>) =>
    (args: A) => {
      workspace.refresh();
      return run(args);
    };
  const agent = () => `agent:${server.server.getClientVersion()?.name ?? 'mcp'}`;

  server.registerTool(
    'groundplan_context',
    {
      description: 'Ranked code context (projects, files, signatures) for a query or a feature, fitted to a token budget.',
      inputSchema: { query: z.string().optional(), ...subjectShape, budget },
    },
    fresh(async (args) => contextResult(await contextFor(workspace, args))),
  );
  server.registerTool(
    'groundplan_plan_brief',
    {
      description: 'What to write a plan from: template sections and rules, grounding rules, context, inputs, output path. draft: include the offline draft.',
      inputSchema: { ...planShape, draft: z.boolean().optional() },
    },
    fresh(async (args) => briefResult(workspace, await locate(workspace, args), args.draft ?? false)),
  );
  server.registerTool(
    'groundplan_lint_plan',
    {
      description: 'Lint a plan file, or plan text for that path, against its template and the workspace; findings with lines and suggestions.',
      inputSchema: { path: z.string().describe('Workspace-relative plan path'), text: z.string().optional() },
    },
    fresh(async (args) => lintResult(await lintFor(workspace, args.path, args.text))),
  );
  server.registerTool(
    'groundplan_write_plan',
    {
      description: 'Write the plan (your text, or the offline draft if none) with provenance frontmatter; refuses to overwrite unless force.',
      inputSchema: { ...planShape, text: z.string().optional(), force: z.boolean().optional() },
    },
    fresh(async (args) => writeResult(workspace, await locate(workspace, args), args.text, args.force ?? false, agent())),
  );

  for (const template of workspace.templates().values()) registerTemplatePrompt(server, workspace, template);
  return server;
}

const budget = z.number().int().min(1).max(1_000_000).optional().describe(`Tokens (default ${DEFAULT_BUDGET})`);
const subjectShape = {
  project: z.string().optional().describe('Nx project (default: the best match)'),
  feature: z.string().optional().describe('Folder under <projectRoot>/product-development/'),
};
const planShape = {
  template: z.string().optional().describe(`Template id (default ${DEFAULT_TEMPLATE}); the prompts plan-<id> list them`),
  ...subjectShape,
  description: z.string().optional().describe('The feature as text'),
  inputs: z.array(z.string()).optional().describe('Input files instead of the feature folder'),
  budget,
};

interface PlanArgs {
  template?: string;
  project?: string;
  feature?: string;
  description?: string;
  inputs?: string[];
  budget?: number;
  task?: string;
}

function locate(workspace: Workspace, args: PlanArgs): Promise<LocatedPlan> {
  return locatePlan(workspace, {
    project: args.project,
    feature: featureName(args.feature, 'Argument feature'),
    template: workspace.template(args.template ?? DEFAULT_TEMPLATE),
    files: args.inputs?.length ? args.inputs : undefined,
    description: args.description,
    task: args.task === undefined ? undefined : { origin: 'task', text: args.task },
    budget: args.budget ?? DEFAULT_BUDGET,
  });
}

async function contextFor(workspace: Workspace, args: { query?: string; project?: string; feature?: string; budget?: number }): Promise<ContextPack> {
  const { facts, code, history } = await workspace.snapshot();
  const feature = args.feature === undefined ? undefined : featureName(args.feature, 'Argument feature');
  const project = args.project ?? (feature === undefined ? undefined : projectWithFeature(facts, workspace, feature));
  const query = [args.query, feature === undefined ? undefined : featureText(workspace, facts, project!, feature)].filter(Boolean).join('\n\n');
  if (!query.trim()) throw new InputError('Give a query (the feature as text) or a feature (a folder under <projectRoot>/product-development/).');
  return buildContext({ facts, source: workspace.source, index: code(), history: history(), query, project, budget: args.budget });
}

/** With a feature but no project: the one project that has that feature folder. */
function projectWithFeature(facts: WorkspaceFacts, workspace: Workspace, feature: string): string {
  const owners = Object.values(facts.projects).filter((p) => workspace.source.list(featureDir(p.root, feature)).length > 0);
  if (owners.length === 1) return owners[0].name;
  throw new InputError(
    owners.length === 0
      ? `Argument feature: no project has a product-development/${feature}/ folder; give project, or a query.`
      : `Argument feature: ${owners.map((p) => p.name).join(', ')} each have product-development/${feature}/; give project.`,
  );
}

function featureText(workspace: Workspace, facts: WorkspaceFacts, project: string, feature: string): string {
  const root = facts.projects[project]?.root;
  if (root === undefined) return '';
  const { inputs } = findInputs(workspace.source, { projectRoot: root, feature });
  return inputs
    .filter((input) => input.kind !== 'constitution')
    .map((input) => input.text)
    .join('\n\n');
}

function contextResult(pack: ContextPack): CallToolResult {
  return {
    content: [{ type: 'text', text: pack.text }],
    structuredContent: {
      project: pack.affected.name,
      projects: pack.projects.slice(0, 5).map(({ name, why }) => ({ name, why })),
      files: pack.files.map(({ path, why, symbols }) => ({ path, why, symbols: symbols.map((s) => s.name) })),
      tokens: pack.tokens,
      budget: pack.budget,
    },
  };
}

async function briefResult(workspace: Workspace, plan: LocatedPlan, withDraft: boolean): Promise<CallToolResult> {
  const offlineDraft = withDraft ? (await draftOfflinePlan(plan)).text : undefined;
  const prompt = buildPlanPrompt({ template: plan.subject.template, context: plan.context, inputs: plan.inputs, offlineDraft });
  const exists = workspace.source.exists(plan.path);
  const next =
    `Write the plan to ${plan.path} with groundplan_write_plan (template "${plan.subject.template.id}", project "${plan.project}", ` +
    `feature "${plan.subject.feature}", text: the plan)${exists ? '; a plan is there already: read it first, and pass force to replace it' : ''}. ` +
    'Fix what its lint findings say, then lint again with groundplan_lint_plan.';
  return {
    content: [{ type: 'text', text: `${next}\n\n${renderPromptText(prompt)}` }],
    structuredContent: {
      path: plan.path,
      exists,
      template: plan.subject.template.id,
      project: plan.project,
      sections: plan.subject.template.sections.map((s) => s.title),
      inputs: plan.inputs.map(({ kind, origin }) => ({ kind, origin })),
      files: plan.context.files.map((f) => f.path),
    },
  };
}

/** A plan file (read and linted as `groundplan lint` does), or plan text linted as if it were at `path`. */
async function lintFor(workspace: Workspace, path: string, text: string | undefined): Promise<LintResult> {
  const { rel } = resolveWorkspacePath(workspace.root, path, { option: 'path', kind: text === undefined ? 'file' : 'output' });
  if (text === undefined) {
    const { results } = await runLint({ workspace, patterns: [rel], format: 'json', version: '0', patternsOption: 'path' });
    return results[0];
  }
  const { facts, code } = await workspace.snapshot();
  return lintPlan(text, {
    workspace: createLintWorkspace(facts, workspace.source, code),
    templates: workspace.templates(),
    file: rel,
    rules: workspace.plugin().rules ? [workspace.plugin().rules!] : [],
  });
}

function lintResult(result: LintResult): CallToolResult {
  const lines = result.findings.map(
    (f) => `${result.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId} ${f.message}${f.suggestion ? ` (closest: ${f.suggestion})` : ''}`,
  );
  return {
    content: [{ type: 'text', text: [`${result.errorCount} error(s), ${result.warningCount} warning(s) in ${result.file}`, ...lines].join('\n') }],
    structuredContent: {
      file: result.file,
      errorCount: result.errorCount,
      warningCount: result.warningCount,
      findings: result.findings.map(({ line, column, severity, ruleId, slug, message, suggestion }) => ({
        line,
        column,
        severity,
        ruleId,
        slug,
        message,
        ...(suggestion ? { suggestion } : {}),
      })),
    },
  };
}

async function writeResult(workspace: Workspace, plan: LocatedPlan, text: string | undefined, force: boolean, agent: string): Promise<CallToolResult> {
  refuseToReplace(plan, force, 'force: true');
  const content = text === undefined ? (await draftOfflinePlan(plan)).text : await stampPlan(plan, splitFrontmatter(text).body, agent);
  const { backup } = writePlan(diskPlanFiles(workspace.source), plan.path, content);
  const lint = await lintFor(workspace, plan.path, undefined);
  const result = lintResult(lint);
  const written = `Wrote ${plan.path}${backup ? ` (the previous plan is kept at ${backup})` : ''}.`;
  return {
    content: [{ type: 'text', text: `${written}\n${(result.content[0] as { text: string }).text}` }],
    structuredContent: { path: plan.path, ...(backup ? { backup } : {}), lint: result.structuredContent },
  };
}

/** `/plan-<template>`: the brief for that template, as a prompt an agent can show as a slash command. */
function registerTemplatePrompt(server: McpServer, workspace: Workspace, template: PlanTemplate): void {
  const reads = new Set(template.inputs.reads);
  const args = {
    project: z.string().optional().describe('Project (default: the best match)'),
    feature: z.string().optional().describe('Folder under <projectRoot>/product-development/'),
    ...(reads.has('description') ? { description: z.string().optional().describe('The feature as text') } : {}),
    ...(reads.has('task') ? { task: z.string().optional().describe('The task as text') } : {}),
  };
  server.registerPrompt(
    `plan-${template.id}`,
    { title: template.name, description: template.description.split(/(?<=\.)\s/)[0], argsSchema: args },
    async (values: PlanArgs): Promise<GetPromptResult> => {
      workspace.refresh();
      const plan = await locate(workspace, { ...values, template: template.id });
      const brief = await briefResult(workspace, plan, true);
      return { description: `${template.name} for ${plan.project}`, messages: [{ role: 'user', content: brief.content[0] as { type: 'text'; text: string } }] };
    },
  );
}
