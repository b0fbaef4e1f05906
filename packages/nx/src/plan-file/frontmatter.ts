import { parseDocument, stringify } from 'yaml';

export interface SplitMarkdown {
  /** The YAML text between the opening and closing `---`, or undefined when there is none. */
  frontmatter: string | undefined;
  body: string;
  /** 1-based line of the body's first line in the original text. */
  bodyStartLine: number;
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** Splits a Markdown file into its leading YAML frontmatter block and the rest. */
export function splitFrontmatter(text: string): SplitMarkdown {
  const match = FRONTMATTER.exec(text.replace(/^\uFEFF/, ''));
  if (!match) return { frontmatter: undefined, body: text, bodyStartLine: 1 };
  return {
    frontmatter: match[1],
    body: text.slice(match[0].length),
    bodyStartLine: match[0].split('\n').length,
  };
}

/**
 * What a plan records about its own making, under the `groundplan` key of its frontmatter: enough to
 * lint it against the right template and to tell when the code it references has moved on.
 */
export interface PlanProvenance {
  template: string;
  project: string;
  feature: string;
  drafter: string;
  created: string;
  /**
   * The git commit (HEAD) the plan was written against, when it was written in a git work tree: what
   * `lint-plan --against base` diffs with and GP009 measures drift from. Absent outside git.
   */
  base?: string;
  /** Workspace-relative input path (or `description`, `stdin`) → content hash. */
  inputs: Record<string, string>;
  /** Workspace-relative path of each existing file the plan references → content hash. */
  references: Record<string, string>;
}

export function renderProvenance(provenance: PlanProvenance): string {
  return `---\n${stringify({ groundplan: provenance }, { lineWidth: 0 })}---\n`;
}

export class ProvenanceError extends Error {}

/** Reads the `groundplan` block of a plan's frontmatter; undefined when the plan has none. */
export function readProvenance(frontmatter: string | undefined): Partial<PlanProvenance> | undefined {
  if (frontmatter === undefined) return undefined;
  const doc = parseDocument(frontmatter);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    throw new ProvenanceError(`invalid YAML in frontmatter (line ${(error.linePos?.[0]?.line ?? 0) + 1}): ${error.message.split('\n')[0]}`);
  }
  const value = doc.toJS() as { groundplan?: Partial<PlanProvenance> } | null;
  return value?.groundplan ?? undefined;
}
