export interface PlanGeneratorSchema {
  project?: string;
  feature?: string;
  template?: string;
  description?: string;
  /** A path, or `-`; `true` when given alone (`--task-file` with nothing after it, or before a lone `-`, which Nx reads as a flag). */
  taskFile?: string | boolean;
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
