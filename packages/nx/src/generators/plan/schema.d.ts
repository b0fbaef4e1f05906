export interface PlanGeneratorSchema {
  project?: string;
  feature?: string;
  template?: string;
  description?: string;
  taskFile?: string;
  inputs?: string[];
  budget?: number;
  force?: boolean;
  skipFormat?: boolean;
}
