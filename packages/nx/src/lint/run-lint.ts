import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_PLAN_BYTES } from '../markdown/bounds';
import { resolveWorkspacePath, WorkspacePathError } from '../utils/workspace-path';
import type { Workspace } from '../session/open-workspace';
import { readProvenance, splitFrontmatter } from '../plan-file/frontmatter';
import { findPlans } from './find-plans';
import { GitError, readChanges, type ChangeSet } from './git-diff';
import { formatResults, type Format } from './formatters';
import { lintFailed, lintPlans, type LintResult, type PlanDiffs } from './lint-plan';
import { LintConfigError, type SeverityOverrides } from './severity';
import { createLintWorkspace, type LintWorkspace } from './workspace-view';

export interface LintRunOptions {
  /** The workspace on disk: its facts, its code index (built only if a plan needs it), templates and options. */
  workspace: Workspace;
  /** Workspace-relative plan files or globs. */
  patterns: string[];
  /** Template for plans whose frontmatter names none. */
  template?: string;
  /** This run's severity overrides, over the plugin options' `rules`. */
  rules?: SeverityOverrides;
  format: Format;
  strict?: boolean;
  maxWarnings?: number;
  /** The tool version SARIF records. */
  version: string;
  /** Where the report goes (relative to `outputBase`, default the root), and the option's name for errors. */
  outputFile?: string;
  outputOption?: string;
  outputBase?: string;
  /** The option the patterns came from, for errors. */
  patternsOption?: string;
  /** Compare each plan with what changed since this git ref (`base`: the commit each plan records). */
  against?: string;
}

export interface LintRunOutcome {
  results: LintResult[];
  output: string;
  failed: boolean;
  /** The checked absolute path to write the report to, when `outputFile` was given. */
  outputPath?: string;
}

/** Lints plan files on disk: what the executor and `groundplan lint` share. Bad options throw LintConfigError. */
export async function runLint(options: LintRunOptions): Promise<LintRunOutcome> {
  const root = options.workspace.root;
  const outputOption = options.outputOption ?? 'outputFile';
  // Checked before anything is linted, and again against the plans found: a report never lands outside the
  // workspace, on a folder, or on one of the plans it reports on.
  const output = (planFiles: string[]) =>
    options.outputFile === undefined
      ? undefined
      : checkedPath(
          () => resolveWorkspacePath(root, options.outputFile!, { option: outputOption, kind: 'output', base: options.outputBase, notOneOf: planFiles }).abs,
        );
  output([]);
  const { files, unmatched } = findPlans(root, options.patterns, options.patternsOption);
  if (unmatched.length > 0) {
    throw new LintConfigError(`No plan matches ${unmatched.map((p) => `"${p}"`).join(', ')} (paths and globs are relative to the workspace root ${root}).`);
  }
  const outputPath = output(files);
  const { facts, code } = await options.workspace.snapshot();
  const plugin = options.workspace.plugin();
  const workspace = createLintWorkspace(facts, options.workspace.source, code);
  const plans = files.map((file) => ({ file, text: readPlan(root, file) }));
  const diffs = await diffsFor(plans, workspace, root, options.against);
  const results = await lintPlans(
    plans.map((plan, i) => ({ ...plan, ...diffs[i] })),
    {
      workspace,
      templates: options.workspace.templates(),
      template: options.template,
      rules: [plugin.rules, options.rules].filter((layer): layer is SeverityOverrides => layer !== undefined),
    },
  );
  return {
    results,
    output: formatResults(results, options.format, options.version),
    failed: lintFailed(results, options),
    outputPath,
  };
}

/**
 * The diffs each plan is checked against: `--against`'s (an error when it cannot be read: no git, no such
 * ref, no base recorded, a plan in no project), and the one since the plan's `base` for GP009 (quietly
 * absent when git cannot tell: the recorded hashes stand in). One git read per distinct ref.
 */
async function diffsFor(
  plans: Array<{ file: string; text: string }>,
  workspace: LintWorkspace,
  root: string,
  againstOption: string | undefined,
): Promise<PlanDiffs[]> {
  const cache = new Map<string, Promise<ChangeSet>>();
  const read = (ref: string) => {
    if (!cache.has(ref)) cache.set(ref, readChanges(root, ref));
    return cache.get(ref)!;
  };
  const against = againstOption?.trim();
  if (against === '') throw new LintConfigError('--against needs a git ref (origin/main, a tag, a commit) or "base" for the commit each plan records.');
  const diffs: PlanDiffs[] = [];
  for (const plan of plans) {
    const base = recordedBase(plan.text);
    const diff: PlanDiffs = {};
    if (against !== undefined) {
      if (!workspace.projectOfPath(plan.file)) {
        throw new LintConfigError(
          `${plan.file} is in no project: --against compares a plan with the changes under its projects; move it into a project's product-development/ folder.`,
        );
      }
      const ref = against === 'base' ? base : against;
      if (ref === undefined) {
        throw new LintConfigError(
          `${plan.file} records no base commit (groundplan.base in its frontmatter): pass --against <ref> instead, or redraft it in a git work tree.`,
        );
      }
      try {
        diff.changes = await read(ref);
      } catch (error) {
        if (error instanceof GitError) throw new LintConfigError(error.message);
        throw new LintConfigError(`git could not compare with "${ref}": ${(error as Error).message}`);
      }
    }
    if (base !== undefined) diff.baseChanges = await read(base).catch(() => undefined);
    diffs.push(diff);
  }
  return diffs;
}

/** The `groundplan.base` commit a plan's frontmatter records, if any (a broken frontmatter is GP000's to report). */
function recordedBase(text: string): string | undefined {
  try {
    const base = readProvenance(splitFrontmatter(text).frontmatter)?.base;
    return typeof base === 'string' && /^[0-9a-f]{7,64}$/i.test(base.trim()) ? base.trim() : undefined;
  } catch {
    return undefined;
  }
}

function checkedPath(resolvePath: () => string): string {
  try {
    return resolvePath();
  } catch (error) {
    if (error instanceof WorkspacePathError) throw new LintConfigError(error.message);
    throw error;
  }
}

/**
 * A plan's text, read with a cap. A plan over the cap is read no further: its first bytes stand for it, and
 * GP000 reports it as too large (parsing it whole would cost seconds and gigabytes).
 */
function readPlan(root: string, file: string): string {
  const path = join(root, file);
  const limit = MAX_PLAN_BYTES + 1;
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    if (!fstatSync(fd).isFile()) return '';
    const buffer = Buffer.alloc(Math.min(fstatSync(fd).size, limit));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}
