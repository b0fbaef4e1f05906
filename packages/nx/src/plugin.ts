import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
// Types only: the plugin loads on every graph computation, and @nx/devkit's runtime is not needed for it.
import type { CreateNodesContextV2, CreateNodesResult, CreateNodesV2, TargetConfiguration } from '@nx/devkit';
import { workspaceDataDir } from './code/index-cache';
import { parseJsonc } from './utils/jsonc';
import { contentHash } from './utils/content-hash';
import { MAX_PLAN_BYTES } from './markdown/bounds';
import { readJsonCache, writeJsonCache } from './utils/json-cache';
import { readFileCapped } from './utils/workspace-path';
import { normalizePluginOptions, type GroundplanOptions } from './workspace/plugin-options';

type InputDefinition = NonNullable<TargetConfiguration['inputs']>[number];

/** Where plans live: a feature folder under a project's `product-development/`. */
export const PLAN_FILES = '**/product-development/**/{plan,implementation-plan}.md';

/**
 * Adds the `lint-plan` target to every project holding a plan. Nx caches it; its inputs are what the rules
 * read: the plans, the projects they reference (parsed from the plans, so editing a referenced file
 * re-runs the lint and nothing else does) and the workspace config behind the rules.
 */
export const createNodesV2: CreateNodesV2<Partial<GroundplanOptions>> = [
  PLAN_FILES,
  async (planFiles, rawOptions, context) => {
    const options = normalizePluginOptions(rawOptions);
    const byProject = new Map<string, string[]>();
    for (const plan of planFiles) {
      const root = owningProjectRoot(posix.dirname(plan), context);
      if (root !== undefined) byProject.set(root, [...(byProject.get(root) ?? []), plan]);
    }
    const importPaths = tsconfigPaths(context.workspaceRoot);
    const references = new PlanReferencesCache(context.workspaceRoot);
    const results: Array<[string, CreateNodesResult]> = [];
    for (const [root, plans] of byProject) {
      const inputs = await lintInputs(root, plans, { options, context, importPaths, references });
      const target: TargetConfiguration = { executor: '@groundplan/nx:lint-plan', cache: true, inputs, outputs: [] as string[] };
      if (options.against) {
        target.options = { against: options.against };
        // The diff depends on the commit the ref names, which no file holds: hash it too.
        if (options.against !== 'base' && /^(?!-)[\w./@-]+$/.test(options.against))
          inputs.push({ runtime: `git rev-parse --verify --quiet ${options.against}` });
      }
      results.push([plans[0], { projects: { [root]: { targets: { [options.targetName]: target } } } }]);
    }
    references.save();
    return results;
  },
];

/** Nx 22–24 read the same array-form `createNodes`; older names are kept for the versions that look for them. */
export const createNodes = createNodesV2;

/** Config files the rules read: module boundaries, import paths, npm packages, ignore files. */
const CONFIG_INPUTS = [
  '{workspaceRoot}/nx.json',
  '{workspaceRoot}/eslint.config.*',
  '{workspaceRoot}/.eslintrc.json',
  '{workspaceRoot}/.eslintrc',
  '{workspaceRoot}/tsconfig.base.json',
  '{workspaceRoot}/tsconfig.json',
  '{workspaceRoot}/package.json',
  '{workspaceRoot}/.gitignore',
  '{workspaceRoot}/.groundplanignore',
];

interface InputsContext {
  options: GroundplanOptions;
  context: CreateNodesContextV2;
  /** tsconfig `paths`: import path → target files. */
  importPaths: Record<string, string[]>;
  references: PlanReferencesCache;
}

async function lintInputs(root: string, plans: string[], { options, context, importPaths, references }: InputsContext): Promise<InputDefinition[]> {
  const roots = new Set<string>([root]);
  const files = new Set<string>();
  const projects = new Set<string>();
  let addsDependencies = false;
  for (const plan of plans) {
    const refs = await references.of(plan);
    for (const path of refs.paths) {
      const owner = owningProjectRoot(path, context);
      if (owner !== undefined) roots.add(owner);
      // A path in no project (yet): hash the path itself, so creating it re-runs the lint.
      else files.add(path);
    }
    for (const name of refs.projects) {
      // Import paths name a project by its files; plain names go to Nx, which knows the project by name.
      const target = name.startsWith('@') ? importPaths[name]?.[0] : undefined;
      const owner = target ? owningProjectRoot(posix.dirname(target.replace(/^\.\//, '')), context) : undefined;
      if (owner !== undefined) roots.add(owner);
      else if (!name.startsWith('@')) projects.add(name);
    }
    addsDependencies ||= refs.addsDependencies;
  }
  return [
    ...plans.map((plan) => `{workspaceRoot}/${plan}`),
    ...[...roots].sort().map((r) => (r === root ? '{projectRoot}/**/*' : r === '.' ? '{workspaceRoot}/**/*' : `{workspaceRoot}/${r}/**/*`)),
    ...[...files].sort().map((file) => `{workspaceRoot}/${file}`),
    // A new dependency's cycle check reads the whole graph; without one, only the named projects matter.
    ...(addsDependencies ? [{ input: 'default', projects: '*' }] : projects.size > 0 ? [{ input: 'default', projects: [...projects].sort() }] : []),
    ...CONFIG_INPUTS,
    `{workspaceRoot}/${options.templatesDir}/**/*`,
  ];
}

interface InputReferences {
  paths: string[];
  projects: string[];
  addsDependencies: boolean;
}

const REFERENCES_CACHE_FILE = 'groundplan-plan-references.json';
/** Bump when InputReferences changes shape or meaning: old caches are then ignored. */
const REFERENCES_CACHE_VERSION = 1;

/**
 * What each plan references, kept in Nx's workspace data by the plan's content hash, as Nx's own plugins
 * cache what they infer: a graph computation parses only the plans that changed since the last one. A plan
 * that cannot be read is said so on stderr (lint-plan then reports it as GP000), not turned into "no references".
 */
class PlanReferencesCache {
  private readonly path: string;
  private readonly entries: Map<string, { hash: string; references: InputReferences }>;
  private changed = false;

  constructor(private readonly workspaceRoot: string) {
    this.path = join(workspaceDataDir(workspaceRoot), REFERENCES_CACHE_FILE);
    this.entries = readJsonCache(this.path, REFERENCES_CACHE_VERSION);
  }

  async of(plan: string): Promise<InputReferences> {
    let text: string;
    try {
      text = readFileCapped(join(this.workspaceRoot, plan), MAX_PLAN_BYTES).toString('utf8');
    } catch (error) {
      return unreadable(plan, error);
    }
    const hash = contentHash(text);
    const cached = this.entries.get(plan);
    if (cached?.hash === hash) return cached.references;
    let references: InputReferences;
    try {
      references = await planReferences(plan, text);
    } catch (error) {
      return unreadable(plan, error);
    }
    this.entries.set(plan, { hash, references });
    this.changed = true;
    return references;
  }

  save(): void {
    if (this.changed) writeJsonCache(this.path, REFERENCES_CACHE_VERSION, this.entries);
  }
}

function unreadable(plan: string, error: unknown): InputReferences {
  process.stderr.write(`Groundplan: ${plan} cannot be read for its references (${(error as Error).message}); run lint-plan on it for the details.\n`);
  return { paths: [], projects: [], addsDependencies: false };
}

/** Paths (body and frontmatter hashes) and project names a plan names. */
async function planReferences(plan: string, text: string): Promise<InputReferences> {
  // Loaded on a cache miss only: the parser and YAML are most of what the plugin would load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parsePlanDocument } = require('./plan-file/parse-plan') as typeof import('./plan-file/parse-plan');
  const parsed = await parsePlanDocument(text, plan);
  const { paths, projects, symbols, dependencies } = parsed.references;
  const recorded = parsed.frontmatter?.provenance?.references;
  return {
    // Only paths inside the workspace become inputs: `/etc/x` or `../x` in a plan's frontmatter are neither
    // read nor hashed (and would make Nx glob the whole disk).
    paths: [...paths.map((ref) => ref.path), ...(recorded && typeof recorded === 'object' ? Object.keys(recorded) : [])].flatMap((path) => {
      const inside = workspaceRelative(path);
      return inside === undefined ? [] : [inside];
    }),
    projects: [...projects.map((ref) => ref.name), ...symbols.flatMap((ref) => (ref.owner.kind === 'project' ? [ref.owner.name] : []))],
    addsDependencies: dependencies.length > 0,
  };
}

/**
 * The nearest folder at or above `dir` with a project.json or package.json: the project Nx made of it.
 * A root package.json alone is the workspace's manifest, not a project.
 */
function owningProjectRoot(dir: string, context: CreateNodesContextV2): string | undefined {
  const start = workspaceRelative(dir);
  if (start === undefined) return undefined;
  for (let current = start; ; current = posix.dirname(current)) {
    // posix.dirname('/') is '/': only a relative path climbs to '.', so the walk always ends.
    const isRoot = current === '.' || current === '' || current === '/';
    const at = (file: string) => existsSync(join(context.workspaceRoot, isRoot ? '' : current, file));
    if (at('project.json') || (!isRoot && at('package.json'))) return isRoot ? '.' : current;
    if (isRoot) return undefined;
  }
}

/** A path as a normalised workspace-relative one, or undefined when it is absolute or leaves the workspace. */
function workspaceRelative(path: string): string | undefined {
  if (typeof path !== 'string' || path.includes('\0')) return undefined;
  const normal = posix.normalize(path.replace(/\\/g, '/'));
  if (normal.startsWith('/') || /^[A-Za-z]:/.test(normal) || normal === '..' || normal.startsWith('../')) return undefined;
  return normal.replace(/\/$/, '') || '.';
}

function tsconfigPaths(workspaceRoot: string): Record<string, string[]> {
  try {
    const tsconfig = parseJsonc<{ compilerOptions?: { paths?: Record<string, string[]> } }>(readFileSync(join(workspaceRoot, 'tsconfig.base.json'), 'utf8'));
    return tsconfig?.compilerOptions?.paths ?? {};
  } catch {
    return {};
  }
}
