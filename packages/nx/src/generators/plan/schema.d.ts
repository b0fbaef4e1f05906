import type { PlanOptions } from '../../draft/plan-options';

/** The options of `nx g @groundplan/nx:plan` (schema.json), shared with `groundplan plan`. */
export type PlanGeneratorSchema = PlanOptions;
