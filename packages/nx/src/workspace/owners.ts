import { minimatch } from 'minimatch';
import type { FileSource } from '../utils/file-source';
import { readText } from '../utils/file-source';
import type { OwnerRule, ProjectFact } from './types';

const CODEOWNERS_FILES = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];

interface NxOwnersConfig {
  owners?: { patterns?: Array<{ projects?: string[]; files?: string[]; owners?: string[] }> };
}

/** Ownership rules from CODEOWNERS and from nx.json's `owners` configuration (project or file patterns). */
export function readOwners(source: FileSource, nxJson: NxOwnersConfig, projects: Record<string, ProjectFact>): OwnerRule[] {
  const rules: OwnerRule[] = [];
  const file = CODEOWNERS_FILES.find((f) => source.isFile(f));
  if (file) {
    for (const line of readText(source, file)!.split('\n')) {
      const [pattern, ...owners] = line.replace(/#.*/, '').trim().split(/\s+/);
      if (pattern && owners.length > 0) rules.push({ pattern, owners, source: file });
    }
  }
  for (const entry of nxJson.owners?.patterns ?? []) {
    const owners = entry.owners ?? [];
    for (const name of entry.projects ?? []) {
      const project = projects[name];
      if (project) rules.push({ pattern: `/${project.root}/`, owners, source: 'nx.json owners' });
    }
    for (const pattern of entry.files ?? []) rules.push({ pattern, owners, source: 'nx.json owners' });
  }
  return rules;
}

/** Owners of a workspace-relative path: the last matching rule wins, as in GitHub's CODEOWNERS. */
export function ownersOf(rules: OwnerRule[], path: string): string[] {
  let owners: string[] = [];
  for (const rule of rules) if (codeownersMatch(rule.pattern, path)) owners = rule.owners;
  return owners;
}

function codeownersMatch(pattern: string, path: string): boolean {
  // As in .gitignore: a slash at the start or in the middle ties the pattern to the root; a trailing one does not.
  const fromRoot = pattern.startsWith('/') || pattern.replace(/\/$/, '').includes('/');
  let glob = pattern.replace(/^\//, '');
  if (glob.endsWith('/')) glob += '**';
  else if (!/[*?]/.test(glob)) glob = `{${glob},${glob}/**}`;
  return minimatch(path, fromRoot ? glob : `**/${glob}`, { dot: true });
}
