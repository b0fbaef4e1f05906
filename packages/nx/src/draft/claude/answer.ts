import type { Nodes } from 'mdast';
import { loadMarkdownModules } from '../../markdown/markdown-modules';
import { textOf } from '../../markdown/nodes';
import { checkMarkdownBounds, MarkdownBoundsError } from '../../markdown/bounds';
import { splitFrontmatter } from '../../plan-file/frontmatter';
import { sameHeading } from '../../plan-file/headings';
import type { PlanTemplate } from '../../templates/template';
import { ModelDraftError } from './errors';

/** An answer must carry at least this share of the template's sections to be a plan worth repairing. */
const MIN_SECTION_SHARE = 0.5;

/**
 * The plan body in a model's answer: without a fence around it, a frontmatter block of its own, or a preamble
 * before its first heading. Throws `not-a-plan` when the answer is empty or is not a plan of this template
 * (most of its sections missing): such an answer is not worth a repair round.
 */
export async function extractPlan(answer: string, template: PlanTemplate): Promise<string> {
  const body = splitFrontmatter(unfence(answer.trim())).body.trim();
  if (body === '') throw notAPlan(template, 'the answer was empty');
  try {
    checkMarkdownBounds(body, 'the answer');
  } catch (error) {
    if (error instanceof MarkdownBoundsError) throw notAPlan(template, error.message.replace(/^the answer /, 'it '));
    throw error;
  }
  const headings = await headingsOf(body);
  if (headings.length === 0) throw notAPlan(template, 'the answer has no headings');
  const missing = template.sections.filter((section) => !headings.some((heading) => sameHeading(heading.text, section.title)));
  const present = template.sections.length - missing.length;
  if (present < Math.ceil(template.sections.length * MIN_SECTION_SHARE)) {
    throw notAPlan(
      template,
      `it has ${present} of the template's ${template.sections.length} sections (missing ${missing.map((s) => `"${s.title}"`).join(', ')})`,
    );
  }
  return `${body.slice(headings[0].offset).trimEnd()}\n`;
}

/**
 * The plan inside a Markdown fence that closes the answer, when what precedes the fence is chat (no heading):
 * a plan that merely ends with a code block of its own is left whole.
 */
function unfence(answer: string): string {
  const fence = /^```(?:markdown|md)?[ \t]*\n([\s\S]*)\n```$/im.exec(answer);
  if (!fence || fence.index + fence[0].length !== answer.length) return answer;
  return /^#/m.test(answer.slice(0, fence.index)) ? answer : fence[1];
}

function notAPlan(template: PlanTemplate, why: string): ModelDraftError {
  return new ModelDraftError('not-a-plan', `Claude's answer is not a "${template.id}" plan: ${why}. Run the command again, or try another --model.`);
}

interface HeadingAt {
  text: string;
  /** Character offset of the heading in the parsed text. */
  offset: number;
}

/** Headings as lint-plan's parser (GFM) sees them, so that the sections found here are the ones it checks. */
async function headingsOf(markdown: string): Promise<HeadingAt[]> {
  const { parseMarkdown } = await loadMarkdownModules();
  const headings: HeadingAt[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'heading') headings.push({ text: textOf(node), offset: node.position?.start.offset ?? 0 });
    else if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(parseMarkdown(markdown));
  return headings;
}
