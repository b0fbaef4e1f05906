import type { ProjectGraph, TargetConfiguration } from '@nx/devkit';
import type { ProjectFact, TargetFact, TargetKind } from './types';

/** Turns Nx's project graph into plain project facts (workspace projects only; npm nodes are dropped). */
export function projectFactsFromGraph(graph: ProjectGraph, importPaths: Map<string, string>): Record<string, ProjectFact> {
  const projects: Record<string, ProjectFact> = {};
  for (const [name, node] of Object.entries(graph.nodes)) {
    const root = node.data.root === '.' ? '' : node.data.root;
    projects[name] = {
      name,
      root,
      sourceRoot: node.data.sourceRoot ?? (root ? `${root}/src` : 'src'),
      type: node.type === 'app' ? 'application' : node.type === 'e2e' ? 'e2e' : 'library',
      tags: [...(node.data.tags ?? [])].sort(),
      targets: Object.entries(node.data.targets ?? {}).map(([target, config]) => targetFact(target, config)),
      dependencies: [],
      dependents: [],
      importPath: importPaths.get(root),
    };
  }
  for (const [source, deps] of Object.entries(graph.dependencies)) {
    for (const dep of deps) {
      if (!projects[source] || !projects[dep.target] || dep.target === source) continue;
      if (!projects[source].dependencies.includes(dep.target)) projects[source].dependencies.push(dep.target);
      if (!projects[dep.target].dependents.includes(source)) projects[dep.target].dependents.push(source);
    }
  }
  for (const project of Object.values(projects)) {
    project.dependencies.sort();
    project.dependents.sort();
  }
  return projects;
}

function targetFact(name: string, config: TargetConfiguration): TargetFact {
  const executor = config.executor ?? (config.command ? 'nx:run-commands' : 'unknown');
  const options = (config.options ?? {}) as { command?: string; commands?: Array<string | { command: string }>; script?: string };
  // A package.json script's target holds the script's name; Nx keeps what it runs in the metadata.
  const scriptContent = (config.metadata as { scriptContent?: unknown } | undefined)?.scriptContent;
  const command =
    config.command ??
    options.command ??
    options.commands?.map((c) => (typeof c === 'string' ? c : c.command)).join(' && ') ??
    (typeof scriptContent === 'string' ? scriptContent : options.script);
  return { name, kind: targetKind(name, executor, command), executor, ...(command ? { command } : {}) };
}

/**
 * A command that only prints (npm's placeholder `echo "Error: no test specified" && exit 1`): it runs no tool,
 * so its target's name says nothing of what it checks.
 */
const ONLY_ECHOES = /^\s*echo\b[^&|;]*(&&\s*exit\s+\d+\s*)?$/;

const END_TO_END_TOOL = /cypress|playwright/;
const UNIT_TEST_TOOL = /\b(jest|vitest|mocha|karma|ava)\b/;

/** Whether a target runs a test tool itself (`vitest run --config …`), rather than preparing for one (seeding a database). */
export function runsTestTool(target: Pick<TargetFact, 'executor' | 'command'>): boolean {
  const text = `${target.executor} ${target.command ?? ''}`.toLowerCase();
  return END_TO_END_TOOL.test(text) || UNIT_TEST_TOOL.test(text);
}

/** Classifies a target by its name first, then by what it runs; a target that only echoes is none of the kinds. */
export function targetKind(name: string, executor: string, command?: string): TargetKind {
  if (command && ONLY_ECHOES.test(command)) return 'other';
  const text = `${executor} ${command ?? ''}`.toLowerCase();
  const lowerName = name.toLowerCase();
  if (/e2e|cypress|playwright/.test(lowerName) || END_TO_END_TOOL.test(text)) return 'e2e';
  if (/(^|[-:])(test|spec|unit)/.test(lowerName) || UNIT_TEST_TOOL.test(text)) return 'test';
  if (/lint/.test(lowerName) || /\beslint\b|biome|oxlint/.test(text)) return 'lint';
  if (/typecheck|type-check|tsc/.test(lowerName)) return 'typecheck';
  if (/^(serve|dev|start|preview)/.test(lowerName)) return 'serve';
  if (/^build/.test(lowerName)) return 'build';
  return 'other';
}
