import type { PlanTemplate } from '../templates/template';
import { parsePlanDocument, type PlanDocument } from '../plan-file/parse-plan';
import type { ChangeSet } from './git-diff';

/** A plan, parsed once and shared by every rule: the document and what the rules check it against. */
export interface ParsedPlan extends PlanDocument {
  /** The template asked for: the frontmatter's `groundplan.template`, else the run's `template` option. */
  templateId?: string;
  /** That template, when it is known. */
  template?: PlanTemplate;
  knownTemplates: string[];
  /** With `--against <ref>`: what changed since the ref (committed, staged, working tree). */
  changes?: ChangeSet;
  /** What changed since the plan's `base` commit, when it records one and git can tell: for GP009. */
  baseChanges?: ChangeSet;
}

export interface ParseOptions {
  file?: string;
  templates?: Map<string, PlanTemplate>;
  /** Template for a plan whose frontmatter names none. */
  template?: string;
  changes?: ChangeSet;
  baseChanges?: ChangeSet;
}

/** Parses a plan for the rules; throws MarkdownBoundsError (before parsing) for a plan too large or nested too deep. */
export async function parsePlan(text: string, options: ParseOptions = {}): Promise<ParsedPlan> {
  const document = await parsePlanDocument(text, options.file);
  const templates = options.templates ?? new Map<string, PlanTemplate>();
  const templateId = stringOrUndefined(document.frontmatter?.provenance?.template) ?? options.template;
  return {
    ...document,
    templateId,
    template: templateId === undefined ? undefined : templates.get(templateId),
    knownTemplates: [...templates.keys()],
    ...(options.changes ? { changes: options.changes } : {}),
    ...(options.baseChanges ? { baseChanges: options.baseChanges } : {}),
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
