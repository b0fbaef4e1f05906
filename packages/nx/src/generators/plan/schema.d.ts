export interface PlanGeneratorSchema {
  project?: string;
  feature?: string;
  template?: string;
  description?: string;
  taskFile?: string;
  inputs?: string[];
  budget?: number;
  provider?: 'auto' | 'anthropic' | 'offline';
  model?: string;
  maxRepairs?: number;
  /** Claude: seconds one request may take in all. */
  timeout?: number;
  /** Claude: seconds the answer's stream may stay silent. */
  idleTimeout?: number;
  force?: boolean;
  skipFormat?: boolean;
}
