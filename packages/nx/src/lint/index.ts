/** lint-plan's engine: what the drafters, the executor and the CLI call. */
export { lintPlan, lintPlans, lintFailed, totals, type LintOptions, type LintResult, type FailOptions } from './lint-plan';
export { parsePlan, extractReferences, type ParsedPlan } from './parse-plan';
export type { PlanReferences, PathReference, ProjectReference, SymbolReference, DependencyReference } from './references';
export { createLintWorkspace, type LintWorkspace } from './workspace-view';
export { formatResults, FORMATS, type Format } from './formatters';
export { runLint, type LintRunOptions, type LintRunOutcome } from './run-lint';
export { LintConfigError, type SeverityOverrides } from './severity';
export { RULES } from './rules';
export type { Finding, Rule, RuleMeta, RuleReport, Severity } from './types';
