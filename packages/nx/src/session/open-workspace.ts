import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readChangeHistory, type ChangeHistory } from '../code/change-history';
import { workspaceDataDir } from '../code/index-cache';
import { indexWorkspace } from '../code/index-workspace';
import { nxProjectFileMap } from '../workspace/nx-file-map';
import type { CodeIndex } from '../code/types';
import { loadTemplates, resolveTemplate } from '../templates/load-templates';
import type { PlanTemplate } from '../templates/template';
import { diskSource, type FileSource } from '../utils/file-source';
import { readPluginOptions, type GroundplanOptions } from '../workspace/plugin-options';
import { readNxJson, type NxJsonLike } from '../workspace/nx-json';
import type { NxProjectGraph, ProjectFileMap, WorkspaceFacts } from '../workspace/types';

/** What the graph says at one moment: the facts, and the code index (built on first use, then kept). */
export interface WorkspaceSnapshot {
  graph: NxProjectGraph;
  facts: WorkspaceFacts;
  /** Synchronous so lint can ask for it only when a plan names a symbol. */
  code(): CodeIndex;
  /** The recent commits (see `readChangeHistory`), read on first use: only the ranking asks for them. */
  history(): ChangeHistory;
}

/**
 * An Nx workspace as every adapter sees it: its root, its files, nx.json and the plugin's options, the
 * templates, and the project graph with the facts and code index derived from it. Each is read once and
 * kept; `refresh()` makes the next call see the workspace as it is now (a long-lived MCP server calls it
 * before each request, as openWorkspace does), keeping the code index when no file's hash changed.
 */
export interface Workspace {
  readonly root: string;
  readonly source: FileSource;
  nxJson(): NxJsonLike;
  plugin(): GroundplanOptions;
  templates(): Map<string, PlanTemplate>;
  /** A template by id, or an error that lists the known ones. */
  template(id: string): PlanTemplate;
  snapshot(): Promise<WorkspaceSnapshot>;
  refresh(): void;
}

export interface OpenOptions {
  /** Where Nx keeps its data (NX_WORKSPACE_DATA_DIRECTORY); the code index caches there. */
  env?: NodeJS.ProcessEnv;
  /** Read through this instead of the disk (a generator's Tree, which holds pending writes): not shared. */
  source?: FileSource;
  /** A graph Nx has already computed (an executor's context): not shared. */
  graph?: NxProjectGraph;
}

export class WorkspaceNotFoundError extends Error {}

/** The nearest folder at or above `from` that holds an nx.json. */
export function findWorkspaceRoot(from: string): string {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new WorkspaceNotFoundError(`No nx.json in ${resolve(from)} or any folder above it: run Groundplan inside an Nx workspace.`);
  }
}

const shared = new Map<string, Workspace>();

/**
 * The workspace that holds `from` (any folder inside it), as it is now. Opened once per process and root: a
 * later call gets the same object, refreshed, so it reuses what still holds (the code index, when no file
 * changed). A generator passes its Tree as `source` and an executor its graph; those are the caller's alone.
 */
export function openWorkspace(from: string, options: OpenOptions = {}): Workspace {
  const root = options.source?.root ?? findWorkspaceRoot(from);
  // Nx binds to a workspace root when @nx/devkit is first loaded: tell it which before anything loads it.
  process.env.NX_WORKSPACE_ROOT_PATH ??= root;
  if (options.source || options.graph) return createWorkspace(root, options);
  const open = shared.get(root);
  if (open) {
    open.refresh();
    return open;
  }
  const workspace = createWorkspace(root, options);
  shared.set(root, workspace);
  return workspace;
}

function createWorkspace(root: string, options: OpenOptions): Workspace {
  const source = options.source ?? diskSource(root);
  const env = options.env ?? process.env;
  let config: { nxJson: NxJsonLike; plugin: GroundplanOptions; templates?: Map<string, PlanTemplate> } | undefined;
  let snapshot: Promise<WorkspaceSnapshot> | undefined;
  let index: { fingerprint?: string; code: CodeIndex } | undefined;
  let givenGraph = options.graph;
  const readConfig = () => {
    if (!config) {
      const nxJson = readNxJson(source);
      config = { nxJson, plugin: readPluginOptions(nxJson) };
    }
    return config;
  };
  const templates = () => {
    const current = readConfig();
    current.templates ??= loadTemplates(source, current.plugin.templatesDir);
    return current.templates;
  };

  async function takeSnapshot(): Promise<WorkspaceSnapshot> {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the root is set: Nx binds to it
    const { computeProjectGraph, readWorkspaceFacts } = require('../workspace/read-workspace') as typeof import('../workspace/read-workspace');
    const graph = givenGraph ?? (await computeProjectGraph(root));
    givenGraph = undefined;
    const facts = readWorkspaceFacts(graph, source, readConfig().nxJson);
    const fileMap = await nxProjectFileMap(graph);
    const fingerprint = fileMapFingerprint(fileMap);
    if (index && (fingerprint === undefined || index.fingerprint !== fingerprint)) index = undefined;
    let history: ChangeHistory | undefined;
    return {
      graph,
      facts,
      code: () => {
        index ??= { fingerprint, code: indexWorkspace({ projects: facts.projects, source, fileMap, cacheDir: workspaceDataDir(root, env) }) };
        return index.code;
      },
      history: () => (history ??= readChangeHistory(root, workspaceDataDir(root, env))),
    };
  }

  return {
    root,
    source,
    nxJson: () => readConfig().nxJson,
    plugin: () => readConfig().plugin,
    templates,
    template: (id) => resolveTemplate(templates(), id, readConfig().plugin.templatesDir),
    snapshot() {
      // A failed graph (a broken project.json) is not kept: the next call tries again.
      snapshot ??= takeSnapshot().catch((error) => {
        snapshot = undefined;
        throw error;
      });
      return snapshot;
    },
    refresh() {
      config = undefined;
      snapshot = undefined;
    },
  };
}

/** Every project file with its hash: the same text means the same code, so the index built from it still holds. */
function fileMapFingerprint(fileMap: ProjectFileMap | undefined): string | undefined {
  if (!fileMap) return undefined;
  return Object.entries(fileMap)
    .map(([project, files]) => `${project}\n${files.map(({ file, hash }) => `${file}:${hash}`).join('\n')}`)
    .join('\n');
}
