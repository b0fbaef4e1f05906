export type Severity = 'error' | 'warning' | 'off';

/** One problem lint-plan found in a plan. */
export interface Finding {
  ruleId: string;
  slug: string;
  severity: Exclude<Severity, 'off'>;
  message: string;
  /** Workspace-relative path of the plan. */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  /** The closest existing path, project or symbol, when there is one. */
  suggestion?: string;
}
