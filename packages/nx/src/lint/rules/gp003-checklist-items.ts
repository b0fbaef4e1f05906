import type { List, ListItem, Nodes, RootContent } from 'mdast';
import { startOf, textOf } from '../../markdown/nodes';
import { findSection } from '../sections';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  noItems: (title: string) => `Section "${title}" holds no "- [ ]" checklist items.`,
  emptyItem: () => 'Empty checklist item: say what to do.',
  noVerb: (text: string) => `Checklist item "${clip(text)}" does not start with a verb: say what to do ("Add …", "Implement …", "Test …").`,
  noObject: (text: string) => `Checklist item "${text}" says what to do but not to what.`,
};

/** Verbs that open a technical task. A closed list keeps the rule predictable; -ize/-ify verbs pass too. */
const VERBS = new Set(
  (
    'add adapt adjust align allow apply assert audit backfill build bump cache call capture change check clean configure connect ' +
    'convert copy cover create debounce declare decouple define delete deprecate derive describe design disable document drop emit ' +
    'enable enforce ensure export expose extend extract fetch fix flag gate generate guard handle hide hook implement import index inject ' +
    'install instrument integrate introduce invalidate keep limit link load lock log map mark measure memoize merge migrate mock ' +
    'model move paginate parse pass persist populate prevent protect prune publish read record refactor register reject remove ' +
    'rename render replace report require reset restrict retry return reuse review rewrite run sanitize save scaffold schedule ' +
    'seed send serialize set show sort split store stream subscribe support swap switch sync test throttle throw track transform ' +
    'translate trigger type unify update upgrade use validate verify wire wrap write'
  ).split(' '),
);

/**
 * Acceptance criteria, definitions of done and pre-launch lists hold checkable statements ("`nx run api:test`
 * passes"), not tasks: there only emptiness is a problem. Known from the heading or lead-in above the list.
 */
const CRITERIA = /\b(?:criteria|criterion|definition of done|dod|done when|success|requirements|pre-?launch|verification)\b/i;

export const checklistItems: Rule = {
  id: 'GP003',
  slug: 'checklist-items',
  description:
    'Checklist sections hold `- [ ]` items; task items start with a verb and say what they act on (criteria and definition-of-done lists are statements).',
  defaultSeverity: 'warning',
  messages: MESSAGES,
  check(plan) {
    const reports: RuleReport[] = [];
    for (const expected of plan.template?.sections.filter((s) => s.checklist) ?? []) {
      const section = findSection(plan, expected.title);
      if (!section) continue;
      const lists = listsWithContext(section.title, section.content);
      if (!lists.some(({ list }) => taskItems(list).length > 0)) {
        reports.push({ ...startOf(section.heading), ...say(MESSAGES, 'noItems', expected.title) });
      }
      for (const { list, criteria } of lists) {
        for (const item of taskItems(list)) {
          const problem = whyNotActionable(taskText(item), criteria);
          if (problem) reports.push({ ...startOf(item), ...problem });
        }
      }
    }
    return reports;
  },
};

/** The section's lists, each with whether its heading or lead-in paragraph makes it a list of criteria. */
function listsWithContext(title: string, content: RootContent[]): Array<{ list: List; criteria: boolean }> {
  let heading = title;
  return content.flatMap((node, i) => {
    if (node.type === 'heading') heading = textOf(node);
    if (node.type !== 'list') return [];
    const leadIn = content[i - 1]?.type === 'paragraph' ? textOf(content[i - 1]) : '';
    return [{ list: node, criteria: CRITERIA.test(heading) || CRITERIA.test(leadIn) }];
  });
}

function isTask(item: ListItem): boolean {
  return item.checked === true || item.checked === false;
}

/** Task items at any depth: sub-tasks are tasks too. */
function taskItems(list: List): ListItem[] {
  return list.children.flatMap((item) => [
    ...(isTask(item) ? [item] : []),
    ...item.children.filter((child): child is List => child.type === 'list').flatMap(taskItems),
  ]);
}

/** The item's own words, without a leading label such as "**API:**" or "Unit:". */
function taskText(item: ListItem): string {
  const paragraph = item.children.find((child) => child.type === 'paragraph');
  if (!paragraph) return '';
  const [first, ...rest] = paragraph.children;
  const bold = first && (first.type === 'strong' || first.type === 'emphasis');
  const text = bold
    ? rest
        .map((node) => textOf(node as Nodes))
        .join('')
        .replace(/^\s*:/, '')
    : textOf(paragraph);
  return text.trim().replace(/^[A-Z][\w-]*(?: [\w-]+){0,2}:\s+(?=\S)/, '');
}

function whyNotActionable(text: string, criteria: boolean): ReturnType<typeof say> | undefined {
  if (text === '') return say(MESSAGES, 'emptyItem');
  if (criteria) return undefined;
  const [first, ...rest] = text.split(/\s+/);
  const verb = first.toLowerCase().replace(/[^a-z-]/g, '');
  if (!VERBS.has(verb) && !/(?:ize|ise|ify)$/.test(verb)) {
    return say(MESSAGES, 'noVerb', text);
  }
  if (rest.length === 0) return say(MESSAGES, 'noObject', text);
  return undefined;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
