import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ProjectFact, WorkspaceFacts } from '../workspace/types';

/** Writes files (workspace-relative path → content) into a fresh temporary folder and returns it. */
export function writeWorkspace(files: Record<string, string>, root = mkdtempSync(join(tmpdir(), 'groundplan-crafted-'))): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** A project as the workspace facts describe it, with what a test does not care about filled in. */
export function project(name: string, root: string, extra: Partial<ProjectFact> = {}): ProjectFact {
  return { name, root, sourceRoot: `${root}/src`, type: 'library', tags: [], targets: [], dependencies: [], dependents: [], ...extra };
}

/** Workspace facts for crafted projects, without an Nx graph. */
export function craftedFacts(root: string, projects: ProjectFact[]): WorkspaceFacts {
  return {
    root,
    projects: Object.fromEntries(projects.map((p) => [p.name, p])),
    boundaries: { constraints: [] },
    stack: [],
    owners: [],
  };
}
