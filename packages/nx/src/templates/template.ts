/**
 * A plan template is data: a Markdown skeleton (EJS) behind a YAML frontmatter block that states what the
 * plan needs and what it must look like. The drafters render it; lint-plan checks plans against the same
 * frontmatter, so what is generated is what is checked.
 */
export type InputKind = 'jtbd' | 'prd' | 'spec' | 'constitution' | 'description' | 'task';

export const INPUT_KINDS: readonly InputKind[] = ['jtbd', 'prd', 'spec', 'constitution', 'description', 'task'];

export interface TemplateSection {
  /** The heading text, as it must appear in the plan. */
  title: string;
  /** Heading depth in the plan (2 for `##`). */
  level: number;
  /** The section must hold `- [ ]` items (directly or in its sub-sections). */
  checklist: boolean;
  /** Sub-headings the section is expected to hold, in order (e.g. the checklist's feature areas). */
  groups: string[];
  /** What belongs in the section: shown to the model, and a reader's reminder. */
  guidance: string;
}

export interface ForbiddenContent {
  id: string;
  /** What is forbidden, for messages ("time estimates"). */
  description: string;
  /** Case-insensitive regular expression matched against the plan's prose. */
  pattern: string;
}

export interface PlanTemplate {
  id: string;
  name: string;
  description: string;
  /** File name the plan is written to, inside the feature folder. */
  output: string;
  inputs: {
    /** Alternatives: the plan can be drafted when every kind of one alternative is present. */
    anyOf: InputKind[][];
    /** Kinds the template reads when present; missing ones are reported as a note. */
    reads: InputKind[];
  };
  sections: TemplateSection[];
  forbidden: ForbiddenContent[];
  /** Instructions for a model drafter, beyond the section list. */
  instructions: string;
  /** The EJS body. */
  body: string;
  /** Where the template came from (a file path), for error messages. */
  source: string;
  builtIn: boolean;
}
