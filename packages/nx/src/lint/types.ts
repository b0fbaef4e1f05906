import type { Located } from '../markdown/nodes';
import type { ParsedPlan } from './parse-plan';
import type { LintWorkspace } from './workspace-view';

/** `info` findings are shown but never fail a run nor count as warnings. */
export type Severity = 'error' | 'warning' | 'info' | 'off';

/** One problem lint-plan found in a plan. */
export interface Finding {
  ruleId: string;
  slug: string;
  severity: Exclude<Severity, 'off'>;
  /** Which of the rule's messages this is (its key in the rule's `messages`): what tests assert. */
  messageId: string;
  message: string;
  /** Workspace-relative path of the plan. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** The closest existing path, project or symbol, when there is one. */
  suggestion?: string;
}

/** What a rule says about a plan; the engine adds the rule, the severity and the file. */
export interface RuleReport extends Located {
  messageId: string;
  message: string;
  suggestion?: string;
}

export interface RuleMeta {
  /** `GP001`. */
  id: string;
  /** `required-sections`. */
  slug: string;
  /** What the rule checks, in Markdown: the rule docs, the README and SARIF are made of it. */
  description: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** Runs only with `--against <ref>`. */
  requires?: 'against';
}

/** A rule's messages by id, each giving the text for what the report is about. */
export type RuleMessages = Record<string, (...args: never[]) => string>;

/** A report's message: its id in the rule's messages, and its text. */
export function say<M extends RuleMessages, K extends keyof M & string>(messages: M, id: K, ...args: Parameters<M[K]>): { messageId: K; message: string } {
  return { messageId: id, message: (messages[id] as (...values: Parameters<M[K]>) => string)(...args) };
}

export interface Rule extends RuleMeta {
  /** Every message the rule reports, by id: tests assert the id, so rewording a message changes no test. */
  messages: RuleMessages;
  /** A pure function of the plan and the workspace. */
  check(plan: ParsedPlan, workspace: LintWorkspace): RuleReport[];
}
