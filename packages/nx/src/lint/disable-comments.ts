import type { Nodes, Root } from 'mdast';

/** `<!-- groundplan-disable GP004 -->` and friends, read like markdownlint's own comments. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-line' | 'disable-next-line';
  /** Rule ids or slugs, upper-cased; empty for every rule. */
  rules: string[];
  line: number;
  endLine: number;
}

const DIRECTIVE = /<!--\s*groundplan-(disable-next-line|disable-line|disable|enable)\b([\s\S]*?)-->/g;

export function directivesIn(tree: Root): Directive[] {
  const directives: Directive[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === 'html') directives.push(...directivesInHtml(node.value, node.position?.start.line ?? 1));
    else if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);
  return directives;
}

function directivesInHtml(html: string, firstLine: number): Directive[] {
  const lineAt = (index: number) => firstLine + (html.slice(0, index).match(/\n/g)?.length ?? 0);
  return [...html.matchAll(DIRECTIVE)].map((match) => ({
    kind: match[1] as Directive['kind'],
    rules: match[2]
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((rule) => rule.toUpperCase()),
    line: lineAt(match.index),
    endLine: lineAt(match.index + match[0].length),
  }));
}

/** Whether the comments turn off a rule at a line: line directives first, then the last range directive above. */
export function isDisabled(directives: Directive[], rule: { id: string; slug: string }, line: number): boolean {
  const names = (directive: Directive) =>
    directive.rules.length === 0 || directive.rules.includes(rule.id) || directive.rules.includes(rule.slug.toUpperCase());
  let disabled = false;
  for (const directive of directives) {
    if (!names(directive)) continue;
    if (directive.kind === 'disable-line' && line >= directive.line && line <= directive.endLine) return true;
    if (directive.kind === 'disable-next-line' && line === directive.endLine + 1) return true;
    if (directive.line <= line && (directive.kind === 'disable' || directive.kind === 'enable')) disabled = directive.kind === 'disable';
  }
  return disabled;
}
