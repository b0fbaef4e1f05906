import { workspaceDataDir } from '../code/index-cache';
import { indexWorkspace } from '../code/index-workspace';
import type { CodeIndex } from '../code/types';
import { diskSource } from '../utils/file-source';
import { nxProjectFileMap } from '../workspace/nx-file-map';
import { readWorkspaceFacts } from '../workspace/read-workspace';
import type { NxProjectGraph, WorkspaceFacts } from '../workspace/types';

/**
 * What lint-plan reads from an Nx workspace, shared by the executor and `groundplan lint`. The code index is
 * built only if a plan needs it, from Nx's file map (so its cache is keyed by the hashes Nx computed).
 */
export async function lintSources(graph: NxProjectGraph, root: string, env: NodeJS.ProcessEnv): Promise<{ facts: WorkspaceFacts; code: () => CodeIndex }> {
  const source = diskSource(root);
  const facts = readWorkspaceFacts(graph, source);
  const fileMap = await nxProjectFileMap(graph);
  return { facts, code: () => indexWorkspace({ projects: facts.projects, source, fileMap, cacheDir: workspaceDataDir(root, env) }) };
}
