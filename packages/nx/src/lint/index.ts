/** lint-plan's engine: what the drafters, the executor and the CLI call. */
export { lintPlan, lintPlans, lintFailed, totals, type LintOptions, type LintResult, type FailOptions } from './lint-plan';
export { parsePlan, type ParsedPlan } from './parse-plan';
export { extractReferences } from '../plan-file/parse-plan';
export type { PlanReferences, PathReference, ProjectReference, SymbolReference, DependencyReference } from '../plan-file/references';
export { createLintWorkspace, type LintWorkspace } from './workspace-view';
export { formatResults, FORMATS, type Format } from './formatters';
export { runLint, type LintRunOptions, type LintRunOutcome } from './run-lint';
export { LintConfigError, type SeverityOverrides } from './severity';
export { RULES } from './rules';
export type { Finding, Rule, RuleMeta, RuleReport, Severity } from './types';
