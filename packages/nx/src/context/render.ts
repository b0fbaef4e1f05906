import type { DepConstraint, ProjectFact, WorkspaceFacts } from '../workspace/types';
import { dependentsOf, type ProjectEdges } from './project-edges';
import type { CodeSymbol } from '../code/types';
import type { RankedFile, RankedProject } from './types';
import { clip } from '../utils/clip';

const MAX_DIAGRAM_NODES = 16;
const RUNNERS_UP = 5;

/** The runners-up a context pack's diagram draws beside the affected project: the projects the text matches next. */
export function runnersUp(ranked: RankedProject[]): string[] {
  return ranked
    .filter((p) => p.score > 0)
    .slice(0, RUNNERS_UP + 1)
    .map((p) => p.name);
}

/**
 * Mermaid flowchart of the affected project, its direct neighbours and the `others` a reader weighs with it (a
 * context pack's runners-up, a plan's other touched projects), with their dependencies.
 */
export function projectDiagram(edges: ProjectEdges, affected: string, others: string[]): string {
  const nodes = [affected, ...[...(edges.get(affected) ?? [])].sort(), ...dependentsOf(edges, affected), ...others];
  const included = [...new Set(nodes)].slice(0, MAX_DIAGRAM_NODES);
  const id = (name: string) => `p_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const lines = ['graph TD'];
  for (const name of included) lines.push(`  ${id(name)}["${name.replace(/"/g, "'")}"]${name === affected ? ':::affected' : ''}`);
  for (const from of included) {
    for (const to of [...(edges.get(from) ?? [])].sort()) if (included.includes(to)) lines.push(`  ${id(from)} --> ${id(to)}`);
  }
  lines.push('  classDef affected stroke-width:3px');
  return lines.join('\n');
}

export interface PackHeader {
  query: string;
  facts: WorkspaceFacts;
  edges: ProjectEdges;
  affected: RankedProject;
  projects: RankedProject[];
  diagram: string;
}

/** Project facts: the affected project in full, runners-up in a line each, the stack and the graph. */
export function renderHeader({ query, facts, edges, affected, projects, diagram }: PackHeader): string {
  const project = facts.projects[affected.name];
  const lines = [
    `# Context: ${
      query
        .split('\n')
        .find((l) => l.trim())
        ?.trim() ?? '(empty query)'
    }`,
    '',
  ];
  lines.push(`## Affected project: ${affected.name}`, `Why: ${affected.why}`, ...projectLines(project, edges, facts), '');
  const others = projects.filter((p) => p.name !== affected.name && p.score > 0).slice(0, RUNNERS_UP);
  if (others.length) lines.push('## Runners-up', ...others.map((p) => `- ${p.name} (${p.root || '.'}), score ${p.score}: ${p.why}`), '');
  if (facts.stack.length) lines.push('## Stack', facts.stack.map((s) => `${s.name} (${s.category})`).join(', '), '');
  lines.push('## Project graph', '```mermaid', diagram, '```', '');
  return lines.join('\n');
}

/** A target's command is shown up to this long: a package.json script can be a whole pipeline. */
const TARGET_COMMAND_CHARS = 60;

function projectLines(project: ProjectFact, edges: ProjectEdges, facts: WorkspaceFacts): string[] {
  const dependencies = [...(edges.get(project.name) ?? [])].sort();
  const dependents = dependentsOf(edges, project.name);
  const constraints = facts.boundaries.constraints.filter((c) => c.sourceTag && project.tags.includes(c.sourceTag));
  return [
    `- root: ${project.root || '.'} (${project.type}), source: ${project.sourceRoot}${project.importPath ? `, imported as \`${project.importPath}\`` : ''}`,
    ...(project.tags.length ? [`- tags: ${project.tags.join(', ')}`] : []),
    ...(project.targets.length
      ? [`- targets: ${project.targets.map((t) => `${t.name} (${clip(t.command ?? t.executor, TARGET_COMMAND_CHARS)})`).join(', ')}`]
      : []),
    `- depends on: ${dependencies.join(', ') || 'nothing in the workspace'}`,
    `- used by: ${dependents.join(', ') || 'no other project'}`,
    ...constraints.map((c) => `- module boundary: \`${c.sourceTag}\` ${boundaryText(c)}`),
  ];
}

function boundaryText(constraint: DepConstraint): string {
  const only = constraint.onlyDependOnLibsWithTags?.length ? `may depend only on ${constraint.onlyDependOnLibsWithTags.join(', ')}` : '';
  const not = constraint.notDependOnLibsWithTags?.length ? `must not depend on ${constraint.notDependOnLibsWithTags.join(', ')}` : '';
  return [only, not].filter(Boolean).join(' and ') || 'has no restriction';
}

/** One file: path, why, its doc, then the selected declarations as signatures (never bodies). */
export function renderFile(file: RankedFile, doc: string | undefined): string {
  const lines = [`### ${file.path}`, `${file.role} in ${file.project}, score ${file.score}: ${file.why}`];
  if (doc) lines.push(`> ${doc}`);
  if (file.symbols.length) lines.push('```ts', ...file.symbols.flatMap((s) => symbolLines(s, '')), '```');
  return `${lines.join('\n')}\n`;
}

function symbolLines(symbol: CodeSymbol, indent: string): string[] {
  const doc = symbol.doc ? [`${indent}/** ${symbol.doc} */`] : [];
  const decorators = symbol.decorators.map((d) => `${indent}${d}`);
  const head = `${indent}${symbol.exported && !indent ? 'export ' : ''}${symbol.signature}`;
  return [...doc, ...decorators, head, ...symbol.members.map((m) => memberLine(m, `${indent}  `))];
}

function memberLine(member: CodeSymbol, indent: string): string {
  return `${indent}${[...member.decorators, member.signature].join(' ')}`;
}

export function renderList(title: string, items: string[]): string {
  return items.length ? `## ${title}\n${items.map((item) => `- ${item}`).join('\n')}\n` : '';
}
