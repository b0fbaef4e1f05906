import type { ProjectGraph } from '@nx/devkit';
import { parseJson } from '@nx/devkit';
import type { FileSource } from '../utils/file-source';
import { readText } from '../utils/file-source';
import { readNxJson, type NxJsonLike } from './nx-json';
import { detectStack, type PackageJsonLike } from './detect-stack';
import { readModuleBoundaries } from './module-boundaries';
import { readOwners } from './owners';
import { projectFactsFromGraph } from './project-facts';
import type { WorkspaceFacts } from './types';

export class WorkspaceGraphError extends Error {}

/**
 * Computes the project graph in-process through the workspace's own Nx. Nx finds the workspace from
 * NX_WORKSPACE_ROOT_PATH or the current directory when @nx/devkit is first loaded, so callers outside an
 * Nx command (the CLI, tests) set the root before this runs.
 */
export async function computeProjectGraph(root: string): Promise<ProjectGraph> {
  process.env.NX_WORKSPACE_ROOT_PATH ??= root;
  const devkit = await import('@nx/devkit');
  if (devkit.workspaceRoot !== root) {
    throw new WorkspaceGraphError(`Nx is bound to ${devkit.workspaceRoot}, not ${root}: run the command from the workspace root.`);
  }
  try {
    return await devkit.createProjectGraphAsync({ exitOnError: false });
  } catch (error) {
    throw new WorkspaceGraphError(`Nx could not compute the project graph of ${root}: ${graphErrorText(error)}`);
  }
}

/** Nx's ProjectGraphError says only "Failed to process project graph."; the causes (file, line) are in getErrors(). */
function graphErrorText(error: unknown): string {
  const causes = (error as { getErrors?: () => Array<{ message?: string }> }).getErrors?.() ?? [];
  return [(error as Error).message, ...causes.map((cause) => `  - ${cause.message ?? String(cause)}`)].join('\n');
}

/** Everything the engine knows about the workspace besides its code. */
export function readWorkspaceFacts(graph: ProjectGraph, source: FileSource, nxJson: NxJsonLike = readNxJson(source)): WorkspaceFacts {
  const projects = projectFactsFromGraph(graph, importPathsByRoot(source, graph));
  const packageJsons = [{ path: 'package.json', json: readJson<PackageJsonLike>(source, 'package.json') ?? {} }];
  for (const project of Object.values(projects)) {
    const path = project.root ? `${project.root}/package.json` : undefined;
    const json = path ? readJson<PackageJsonLike>(source, path) : undefined;
    if (path && json) packageJsons.push({ path, json });
  }
  return {
    root: source.root,
    projects,
    boundaries: readModuleBoundaries(source),
    stack: detectStack(packageJsons, Object.values(projects)),
    owners: readOwners(source, nxJson, projects),
  };
}

function readJson<T extends object>(source: FileSource, path: string): T | undefined {
  const text = readText(source, path);
  if (text === undefined) return undefined;
  try {
    return parseJson<T>(text);
  } catch {
    return undefined;
  }
}

/** Project root → the import path other projects use: tsconfig `paths` first, then package.json names. */
function importPathsByRoot(source: FileSource, graph: ProjectGraph): Map<string, string> {
  const byRoot = new Map<string, string>();
  const tsconfig =
    readJson<{ compilerOptions?: { paths?: Record<string, string[]> } }>(source, 'tsconfig.base.json') ??
    readJson<{ compilerOptions?: { paths?: Record<string, string[]> } }>(source, 'tsconfig.json');
  const roots = Object.values(graph.nodes)
    .map((node) => node.data.root)
    .filter((root) => root && root !== '.')
    .sort((a, b) => b.length - a.length);
  for (const [alias, targets] of Object.entries(tsconfig?.compilerOptions?.paths ?? {})) {
    const target = targets[0]?.replace(/^\.\//, '');
    const root = target && roots.find((r) => target === r || target.startsWith(`${r}/`));
    if (root && !alias.includes('*') && !byRoot.has(root)) byRoot.set(root, alias);
  }
  for (const root of roots) {
    const name = readJson<{ name?: string }>(source, `${root}/package.json`)?.name;
    if (name && !byRoot.has(root)) byRoot.set(root, name);
  }
  return byRoot;
}
