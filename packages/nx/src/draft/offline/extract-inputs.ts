import type { Root, RootContent } from 'mdast';
import type { FeatureInput } from '../../inputs/feature-inputs';
import { loadMarkdownParser, nodeText } from '../../markdown/parse-markdown';
import type { Sourced } from '../../templates/plan-data';

/** A block of prose or a list item from an input, with the headings above it. */
interface Block extends Sourced {
  headings: string[];
  isListItem: boolean;
}

/** What the inputs say, sorted by what it is. Every entry keeps its source (`PRD.md:12`). */
export interface InputFacts {
  title?: string;
  summary: Sourced[];
  problem: Sourced[];
  solution: Sourced[];
  goals: Sourced[];
  nonGoals: Sourced[];
  stories: Sourced[];
  jobs: Sourced[];
  requirements: Sourced[];
  acceptance: Sourced[];
  nonFunctional: Sourced[];
  assumptions: Sourced[];
  openQuestions: Sourced[];
  risks: Sourced[];
  edgeCases: Sourced[];
  metrics: Sourced[];
  principles: Array<{ title: string; text: string; source: string }>;
  /** Every block, for matching anything the sections above missed. */
  all: Sourced[];
}

/** Heading words → the bucket a section's content belongs to. First match wins. */
const SECTION_BUCKETS: Array<[RegExp, keyof InputFacts]> = [
  [/non[- ]?goals?|out of scope|not in scope/i, 'nonGoals'],
  [/non[- ]?functional|security|privacy|performance|compliance|accessibility/i, 'nonFunctional'],
  [/acceptance|definition of done|done when/i, 'acceptance'],
  [/user stor|stories/i, 'stories'],
  [/jobs?[- ]to[- ]be[- ]done|^jobs?\b|job stories/i, 'jobs'],
  [/requirement|functional|scope|capabilit|features?$/i, 'requirements'],
  [/success|metric|kpi|measure/i, 'metrics'],
  [/goals?|objectives?|outcomes?/i, 'goals'],
  [/assumption|constraint|dependenc/i, 'assumptions'],
  [/open questions?|questions|unknowns|tbd/i, 'openQuestions'],
  [/risk/i, 'risks'],
  [/edge cases?|errors?|failure/i, 'edgeCases'],
  [/problem|pain|situation|context|background|motivation|why/i, 'problem'],
  [/solution|proposal|approach|overview/i, 'solution'],
  [/summary|tl;?dr|introduction|description/i, 'summary'],
];

const STORY = /^as an?\s.+?\bi (?:want|need|can)\b/i;
const JOB = /^when\b.+\b(?:i want|i need|help me)\b/i;
const NORMATIVE = /\b(must|shall|should|needs? to|has to|is required to)\b/i;

export async function extractInputFacts(inputs: FeatureInput[]): Promise<InputFacts> {
  const parse = await loadMarkdownParser();
  const facts = emptyFacts();
  for (const input of inputs) {
    const label = input.origin.split('/').pop()!;
    const tree = parse(input.text);
    facts.title ??= input.kind === 'constitution' ? undefined : firstHeading(tree);
    const blocks = collectBlocks(tree, label);
    if (input.kind === 'constitution') facts.principles.push(...principlesFrom(tree, label));
    else sortBlocks(blocks, facts, input.kind === 'jtbd');
  }
  return facts;
}

function emptyFacts(): InputFacts {
  return {
    summary: [],
    problem: [],
    solution: [],
    goals: [],
    nonGoals: [],
    stories: [],
    jobs: [],
    requirements: [],
    acceptance: [],
    nonFunctional: [],
    assumptions: [],
    openQuestions: [],
    risks: [],
    edgeCases: [],
    metrics: [],
    principles: [],
    all: [],
  };
}

function firstHeading(tree: Root): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  return heading ? cleanTitle(nodeText(heading)) : undefined;
}

/** "PRD: Order export" / "Jobs to be done — Order export" → "Order export". */
function cleanTitle(title: string): string {
  return title.replace(/^(prd|jtbd|spec(ification)?|product requirements?( document)?|jobs[- ]to[- ]be[- ]done|feature|task)\s*[:—–-]\s*/i, '').trim();
}

/**
 * Paragraphs and list items, each with the heading path above it. An item's own paragraphs are one block; an item
 * of a nested list is a block of its own, numbered within the item it details (`sub`, from 1).
 */
function collectBlocks(tree: Root, label: string): Block[] {
  const blocks: Block[] = [];
  const headings: string[] = [];
  const visit = (node: RootContent, depth: number) => {
    if (node.type === 'heading') {
      headings.length = Math.max(0, node.depth - 1);
      headings[node.depth - 1] = nodeText(node).trim();
    } else if (node.type === 'paragraph') {
      push(nodeText(node), node.position?.start.line ?? 1, { isListItem: depth > 0 });
    } else if (node.type === 'list') {
      node.children.forEach((item, i) => {
        const number = node.ordered ? (node.start ?? 1) + i : undefined;
        const place = depth === 0 ? (number ? { ordinal: number } : {}) : { sub: number ?? i + 1, depth };
        // Its lead and its other paragraphs say one thing; what else it holds is read on its own, after it.
        const [prose, rest] = partition(item.children, (child, at) => at === 0 || child.type === 'paragraph');
        push(prose.map((child) => nodeText(child)).join(' '), item.position?.start.line ?? 1, { isListItem: true, ...place });
        rest.forEach((child) => visit(child, depth + 1));
      });
    } else if (node.type === 'blockquote') {
      node.children.forEach((child) => visit(child, depth));
    } else if (node.type === 'table') {
      for (const row of node.children.slice(1)) push(row.children.map(nodeText).join(' — '), row.position?.start.line ?? 1, { isListItem: true });
    }
  };
  const push = (text: string, line: number, place: Pick<Block, 'isListItem' | 'ordinal' | 'sub' | 'depth'>) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) blocks.push({ text: clean, source: `${label}:${line}`, headings: headings.filter(Boolean), ...place });
  };
  tree.children.forEach((node) => visit(node, 0));
  return blocks;
}

function partition<T>(items: T[], test: (item: T, at: number) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item, at) => !test(item, at))];
}

function sortBlocks(blocks: Block[], facts: InputFacts, isJtbd: boolean): void {
  for (const block of blocks) {
    const section = block.headings.at(-1);
    const { text, source, ordinal, depth, sub } = block;
    const entry: Sourced = { text, source, ...(section ? { section } : {}), ...(ordinal ? { ordinal } : {}), ...(depth && sub ? { depth, sub } : {}) };
    facts.all.push(entry);
    const bucket = bucketOf(block, isJtbd);
    if (bucket) (facts[bucket] as Sourced[]).push(entry);
    else if (block.headings.length <= 1 && !block.isListItem) facts.summary.push(entry);
  }
}

function bucketOf(block: Block, isJtbd: boolean): keyof InputFacts | undefined {
  if (STORY.test(block.text)) return 'stories';
  if (JOB.test(block.text)) return 'jobs';
  for (const heading of [...block.headings].reverse().slice(0, 2)) {
    const match = SECTION_BUCKETS.find(([pattern]) => pattern.test(heading));
    if (match) return isJtbd && match[1] === 'requirements' ? 'jobs' : match[1];
  }
  if (NORMATIVE.test(block.text)) return 'requirements';
  return undefined;
}

/** A constitution's principles: its second- or third-level headings, each with its first paragraph. */
function principlesFrom(tree: Root, label: string): InputFacts['principles'] {
  const principles: InputFacts['principles'] = [];
  tree.children.forEach((node, i) => {
    if (node.type !== 'heading' || node.depth === 1) return;
    const next = tree.children.slice(i + 1).find((n) => n.type !== 'heading' || (n.type === 'heading' && n.depth <= node.depth));
    const text = next && next.type !== 'heading' ? nodeText(next).replace(/\s+/g, ' ').trim() : '';
    principles.push({
      title: nodeText(node)
        .replace(/^(principle\s*)?[IVX\d]+[.:)]\s*/i, '')
        .trim(),
      text,
      source: `${label}:${node.position?.start.line ?? 1}`,
    });
  });
  if (principles.length > 0) return principles;
  // A constitution written as a numbered list instead of headings.
  for (const node of tree.children) {
    if (node.type !== 'list') continue;
    for (const item of node.children) {
      const text = nodeText(item).replace(/\s+/g, ' ').trim();
      const [title, ...rest] = text.split(/[:.—–]\s+/);
      principles.push({ title: title.replace(/\*/g, ''), text: rest.join('. ') || text, source: `${label}:${item.position?.start.line ?? 1}` });
    }
  }
  return principles;
}
