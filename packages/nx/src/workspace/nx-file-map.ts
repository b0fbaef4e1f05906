import type { ProjectGraph } from '@nx/devkit';
import type { ProjectFileMap } from './types';

/**
 * Nx's project file map: every project's files with the content hashes Nx computed for its graph (it honours
 * .gitignore and .nxignore). The index keys its cache by these hashes, so a warm run reads no unchanged file.
 * Undefined when Nx cannot give it; the index then walks and hashes the files itself.
 */
export async function nxProjectFileMap(graph: ProjectGraph): Promise<ProjectFileMap | undefined> {
  try {
    const { createProjectFileMapUsingProjectGraph } = await import('@nx/devkit');
    return await createProjectFileMapUsingProjectGraph(graph);
  } catch {
    return undefined;
  }
}
