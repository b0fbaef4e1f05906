import type { ProjectFact } from '../workspace/types';
import type { ParsedQuery } from './query';

/** How strongly the text points at a project by name, and the words to say so. */
export interface ProjectHint {
  score: number;
  reasons: string[];
}

/** A scope naming the root project often means the repository as a whole, not the code in its root. */
const ROOT_PROJECT_DISCOUNT = 0.5;

/**
 * Direct mentions of projects: a conventional-commit scope naming it, a path inside it, its root or import
 * path, its name as a phrase, a tag value. Structure-free; the ranking adds what the code says.
 */
export function projectHints(projects: Record<string, ProjectFact>, query: ParsedQuery): Map<string, ProjectHint> {
  const hints = new Map<string, ProjectHint>();
  const note = (name: string, score: number, reason: string) => {
    const hint = hints.get(name) ?? { score: 0, reasons: [] };
    hint.score += score;
    hint.reasons.push(reason);
    hints.set(name, hint);
  };
  for (const project of Object.values(projects)) {
    for (const scope of query.scopes) {
      const strength = scopeMatch(project, scope) * (project.root ? 1 : ROOT_PROJECT_DISCOUNT);
      if (strength > 0) note(project.name, strength, `the scope \`${scope}\` names it`);
    }
    const path = query.paths.find((p) => project.root && (p === project.root || p.startsWith(`${project.root}/`)));
    if (path) note(project.name, 0.8, `\`${path}\` is inside it`);
    else if (project.importPath && mentions(query.text, project.importPath.toLowerCase()))
      note(project.name, 0.5, `its import path \`${project.importPath}\` is named`);
    if (mentions(query.title.toLowerCase(), project.name.toLowerCase())) note(project.name, 0.3, `the title names \`${project.name}\``);
    else if (mentions(query.text, project.name.toLowerCase())) note(project.name, 0.15, `the text names \`${project.name}\``);
    const tag = project.tags.find((t) => query.words.has(t.split(':').pop()!.toLowerCase()));
    if (tag) note(project.name, 0.05, `its tag \`${tag}\` is named`);
  }
  return hints;
}

/** 1 for the project's own name (or folder), less when the scope is only part of a hyphenated name. */
function scopeMatch(project: ProjectFact, scope: string): number {
  const name = project.name.toLowerCase();
  const folder = project.root.split('/').pop()?.toLowerCase();
  if (name === scope || folder === scope || project.importPath?.toLowerCase().endsWith(`/${scope}`)) return 1;
  const parts = name.split(/[-/]/);
  return scope.split('-').every((part) => parts.includes(part)) ? 0.4 : 0;
}

/** A whole-word mention: `store` in "the store reducer", not in "restore". */
function mentions(text: string, phrase: string): boolean {
  const index = text.indexOf(phrase);
  if (index < 0) return false;
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`(^|[^\\w@/-])${escaped}($|[^\\w/-])`).test(text);
}
