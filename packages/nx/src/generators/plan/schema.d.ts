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
  force?: boolean;
  skipFormat?: boolean;
}
