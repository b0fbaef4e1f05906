import type { CodeIndex } from '../code/types';
import { loadTemplates } from '../templates/load-templates';
import { diskSource } from '../utils/file-source';
import type { GroundplanOptions } from '../utils/plugin-options';
import type { WorkspaceFacts } from '../workspace/types';
import { findPlans } from './find-plans';
import { formatResults, type Format } from './formatters';
import { lintFailed, lintPlans, type LintResult } from './lint-plan';
import { LintConfigError, type SeverityOverrides } from './severity';
import { createLintWorkspace } from './workspace-view';

export interface LintRunOptions {
  root: string;
  /** Workspace-relative plan files or globs. */
  patterns: string[];
  facts: WorkspaceFacts;
  /** The code index, or how to build it when a plan needs it. */
  code?: CodeIndex | (() => CodeIndex);
  plugin: GroundplanOptions;
  /** Template for plans whose frontmatter names none. */
  template?: string;
  /** This run's severity overrides, over the plugin options' `rules`. */
  rules?: SeverityOverrides;
  format: Format;
  strict?: boolean;
  maxWarnings?: number;
  /** The tool version SARIF records. */
  version: string;
}

export interface LintRunOutcome {
  results: LintResult[];
  output: string;
  failed: boolean;
}

/** Lints plan files on disk: what the executor and `groundplan lint` share. Bad options throw LintConfigError. */
export async function runLint(options: LintRunOptions): Promise<LintRunOutcome> {
  const { files, unmatched } = findPlans(options.root, options.patterns);
  if (unmatched.length > 0) {
    throw new LintConfigError(`No plan matches ${unmatched.map((p) => `"${p}"`).join(', ')} (paths and globs are relative to the workspace root ${options.root}).`);
  }
  const source = diskSource(options.root);
  const results = await lintPlans(
    files.map((file) => ({ file, text: source.read(file)!.toString('utf8').replace(/^\uFEFF/, '') })),
    {
      workspace: createLintWorkspace(options.facts, source, options.code),
      templates: loadTemplates(source, options.plugin.templatesDir),
      template: options.template,
      rules: [options.plugin.rules, options.rules].filter((layer): layer is SeverityOverrides => layer !== undefined),
    },
  );
  return {
    results,
    output: formatResults(results, options.format, options.version),
    failed: lintFailed(results, options),
  };
}
