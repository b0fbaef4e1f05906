import type { IndexedFile } from '../code/types';
import type { ProjectFact } from '../workspace/types';

/** Project → the projects it depends on. */
export type ProjectEdges = Map<string, Set<string>>;

/** Dependencies from Nx's graph, plus those the imports show (Nx may be configured not to analyse sources). */
export function projectEdges(projects: Record<string, ProjectFact>, files: Iterable<IndexedFile>): ProjectEdges {
  const edges: ProjectEdges = new Map(Object.values(projects).map((p) => [p.name, new Set(p.dependencies)]));
  const fileList = [...files];
  const projectOf = new Map(fileList.map((file) => [file.path, file.project]));
  for (const file of fileList) {
    // A test borrowing another project's fixture (an e2e spec importing an example plugin) is no dependency of the code.
    if (file.role === 'test') continue;
    for (const target of file.imports) {
      const dependency = projectOf.get(target);
      if (dependency && dependency !== file.project) edges.get(file.project)?.add(dependency);
    }
  }
  return edges;
}

/** Projects that depend on each project, the reverse of `edges`. */
export function dependentsOf(edges: ProjectEdges, project: string): string[] {
  return [...edges]
    .filter(([, deps]) => deps.has(project))
    .map(([name]) => name)
    .sort();
}

/** Circular project dependencies, each as the path that closes it (`a → b → a`); at most `limit`. */
export function findCycles(edges: ProjectEdges, limit = 5): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of [...(edges.get(node) ?? [])].sort()) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join(' ');
        if (!seen.has(key) && cycles.length < limit) cycles.push(cycle);
        seen.add(key);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}
