import { DEFAULT_BUDGET } from '../context/build-context';
import type { PlanOptions } from '../draft/plan-options';
import { DEFAULT_FEATURE } from '../inputs/feature-inputs';
import { DEFAULT_TEMPLATE } from '../templates/load-templates';
import { UsageError, type CommandOptions } from './command';

/**
 * What a plan is for, as `groundplan plan` and `groundplan prompt` take it: the plan generator's options in
 * kebab case. Their values are checked by the generator's own normalizeOptions.
 */
export const PLAN_SUBJECT_OPTIONS = {
  feature: { type: 'string' },
  template: { type: 'string' },
  description: { type: 'string' },
  'task-file': { type: 'string' },
  inputs: { type: 'string', multiple: true },
  budget: { type: 'string' },
  model: { type: 'string' },
} as const satisfies CommandOptions;

export const PLAN_SUBJECT_USAGE = `  --feature NAME        feature folder under <projectRoot>/product-development/ (default ${DEFAULT_FEATURE})
  --template ID         plan template (default ${DEFAULT_TEMPLATE})
  --description TEXT    the feature as free text (alone, or beside the feature folder's files)
  --task-file FILE|-    one isolated task's context, from a file or stdin (task-blueprint)
  --inputs FILE         an explicit input file instead of the feature folder's (repeatable)
  --budget N            token budget of the context pack (default ${DEFAULT_BUDGET})
  --model ID            Claude model (default: nx.json's plugin option, GROUNDPLAN_MODEL, or the current Sonnet)`;

type SubjectValues = { [K in keyof typeof PLAN_SUBJECT_OPTIONS]?: (typeof PLAN_SUBJECT_OPTIONS)[K] extends { multiple: true } ? string[] : string };

/** The parsed subject options as the generator's schema. */
export function planSubjectSchema(values: SubjectValues, positionals: string[]): PlanOptions {
  if (positionals.length > 1) throw new UsageError(`expected at most one project, got ${positionals.join(', ')}.`);
  return {
    project: positionals[0],
    feature: values.feature,
    template: values.template,
    description: values.description,
    taskFile: values['task-file'],
    inputs: values.inputs,
    budget: wholeNumber(values.budget, '--budget'),
    model: values.model,
  };
}

/** A numeric option as a number; its range is the generator's to check. */
export function wholeNumber(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option} must be a whole number, not "${value}".`);
  return Number(value);
}
