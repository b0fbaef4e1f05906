import { markdownModules } from '../../markdown/markdown-modules';
import { say, type Rule } from '../types';

export const MESSAGES = {
  /** One of markdownlint's rules (`MD001/heading-increment`), with its description and detail. */
  markdownlint: (rule: string, description: string, detail: string | undefined) => `${rule}: ${description}${detail ? ` [${detail}]` : ''}`,
};

/** markdownlint's defaults, relaxed where plans differ from READMEs: what GP010 and the template tests check. */
export const PLAN_MARKDOWNLINT_CONFIG = {
  default: true,
  // Plans are prose: lines wrap wherever the writer (or the model) wraps them.
  MD013: false,
  // "Backend" and "Testing" recur under each feature area or phase.
  MD024: { siblings_only: true },
  // Collapsible details are common in long plans; comments (groundplan-disable) are never flagged.
  MD033: { allowed_elements: ['details', 'summary', 'br', 'sub', 'sup', 'kbd'] },
};

export const markdown: Rule = {
  id: 'GP010',
  slug: 'markdown',
  description: "markdownlint's rules, with line length off, repeated headings allowed under different parents, and `<details>`-style HTML allowed.",
  defaultSeverity: 'warning',
  messages: MESSAGES,
  check(plan) {
    const results = markdownModules().markdownlint.lint({ strings: { plan: plan.text }, config: PLAN_MARKDOWNLINT_CONFIG });
    return (results.plan ?? []).map((error) => ({
      line: error.lineNumber,
      column: error.errorRange?.[0] ?? 1,
      ...say(MESSAGES, 'markdownlint', error.ruleNames.slice(0, 2).join('/'), error.ruleDescription, error.errorDetail ?? undefined),
    }));
  },
};
