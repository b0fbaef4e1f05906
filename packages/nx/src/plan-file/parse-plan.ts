import type { Heading, Root, RootContent, Yaml } from 'mdast';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { PlanProvenance } from './frontmatter';
import { checkMarkdownBounds } from '../markdown/bounds';
import { loadMarkdownModules, markdownModules } from '../markdown/markdown-modules';
import { offsetLocator, startOf, textOf, type Located } from '../markdown/nodes';
import { referencesIn, type PlanReferences } from './references';

/** A heading and what belongs to it. */
export interface PlanSection extends Located {
  title: string;
  depth: number;
  heading: Heading;
  /** The nodes up to the next heading of the same or a higher level: its sub-sections included. */
  content: RootContent[];
}

export interface PlanFrontmatter extends Located {
  provenance?: Partial<PlanProvenance>;
  /** Where each field of the `groundplan` block (`template`, `project`, ...) is written. */
  fieldLines: Map<string, Located>;
  /** Where each `groundplan.references` entry is written. */
  referenceLines: Map<string, Located>;
  /** The first YAML error, placed in the plan. */
  error?: Located & { message: string };
}

/** A plan file, parsed: its Markdown tree, frontmatter, sections and the references it makes. */
export interface PlanDocument {
  /** Workspace-relative path, or `<plan>` for a plan that is not a file yet. */
  file: string;
  /** Set when the plan is a file of the workspace. */
  path?: string;
  text: string;
  /** The line and column of an offset in `text`. */
  locate(offset: number): Located;
  tree: Root;
  frontmatter?: PlanFrontmatter;
  /** Top-level headings in document order. */
  sections: PlanSection[];
  references: PlanReferences;
}

/** Parses a plan; throws MarkdownBoundsError (before parsing) for a plan too large or nested too deep. */
export async function parsePlanDocument(text: string, path?: string): Promise<PlanDocument> {
  const file = path ?? '<plan>';
  checkMarkdownBounds(text, `The plan ${file}`);
  await loadMarkdownModules();
  const tree = markdownModules().parseMarkdown(text);
  const yaml = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const frontmatter = yaml ? readFrontmatter(yaml) : undefined;
  const references = referencesIn(tree, path);
  const project = frontmatter?.provenance?.project;
  if (typeof project === 'string' && project !== '')
    references.projects.unshift({ name: project, via: 'frontmatter', ...frontmatter!.fieldLines.get('project')! });
  return { file, path, text, locate: offsetLocator(text), tree, frontmatter, sections: sectionsOf(tree), references };
}

function sectionsOf(tree: Root): PlanSection[] {
  const sections: PlanSection[] = [];
  tree.children.forEach((node, index) => {
    if (node.type !== 'heading') return;
    const rest = tree.children.slice(index + 1);
    const end = rest.findIndex((next) => next.type === 'heading' && next.depth <= node.depth);
    sections.push({ title: textOf(node).trim(), depth: node.depth, heading: node, content: end === -1 ? rest : rest.slice(0, end), ...startOf(node) });
  });
  return sections;
}

function readFrontmatter(yaml: Yaml): PlanFrontmatter {
  const start = startOf(yaml);
  // The YAML's first line is the line after the opening `---`.
  const place = (line: number, column: number): Located => ({ line: start.line + line, column });
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml.value, { lineCounter });
  if (doc.errors.length > 0) {
    const [error] = doc.errors;
    const position = error.linePos?.[0] ?? { line: 1, col: 1 };
    return {
      ...start,
      fieldLines: new Map(),
      referenceLines: new Map(),
      error: { message: error.message.split('\n')[0], ...place(position.line, position.col) },
    };
  }
  /** Where each key of a YAML map is written, in plan lines. */
  const keyLines = (map: unknown): Map<string, Located> =>
    new Map(
      (isMap(map) ? map.items : []).flatMap((pair) => {
        if (!isScalar(pair.key) || !pair.key.range) return [];
        const position = lineCounter.linePos(pair.key.range[0]);
        return [[String(pair.key.value), place(position.line, position.col)] as const];
      }),
    );
  const value = doc.toJS() as { groundplan?: Partial<PlanProvenance> } | null;
  const provenance = value && typeof value === 'object' && value.groundplan && typeof value.groundplan === 'object' ? value.groundplan : undefined;
  return {
    ...start,
    provenance,
    fieldLines: keyLines(doc.getIn(['groundplan'], true)),
    referenceLines: keyLines(doc.getIn(['groundplan', 'references'], true)),
  };
}

/** The references a plan makes (see `PlanReferences`), for a drafter to record or a build tool to hash. */
export async function extractReferences(planText: string, planPath?: string): Promise<PlanReferences> {
  return (await parsePlanDocument(planText, planPath)).references;
}
