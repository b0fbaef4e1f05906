import type { Format } from '../../lint/formatters';
import type { SeverityOverrides } from '../../lint/severity';

export interface LintPlanExecutorOptions {
  plans?: string[];
  format?: Format;
  outputFile?: string;
  strict?: boolean;
  maxWarnings?: number;
  rules?: SeverityOverrides;
  template?: string;
  /** Check the checklist against what changed since this git ref; `base`: each plan's recorded commit. */
  against?: string;
}
