import type { NxJsonLike } from '../workspace/nx-json';

/** The plugin's options, from its entry in nx.json's `plugins` (`{ "plugin": "@groundplan/nx", "options": {...} }`). */
export interface GroundplanOptions {
  /** Folder of workspace templates, relative to the workspace root. */
  templatesDir: string;
  /** Name of the inferred lint target. */
  targetName: string;
  /** Default Claude model id. */
  model?: string;
  /** Rule severity overrides for lint-plan, by rule id or slug. */
  rules?: Record<string, 'error' | 'warning' | 'info' | 'off'>;
  /** `lint-plan --against` for the inferred target: a git ref, or `base` for each plan's recorded commit. */
  against?: string;
}

export const PLUGIN_NAME = '@groundplan/nx';
export const DEFAULT_TEMPLATES_DIR = 'tools/groundplan/templates';

export function readPluginOptions(nxJson: NxJsonLike | null | undefined): GroundplanOptions {
  const entry = nxJson?.plugins?.find((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN_NAME);
  const options = (typeof entry === 'object' ? (entry.options ?? {}) : {}) as Partial<GroundplanOptions>;
  return normalizePluginOptions(options);
}

export function normalizePluginOptions(options: Partial<GroundplanOptions> | undefined): GroundplanOptions {
  return {
    ...options,
    templatesDir: options?.templatesDir ?? DEFAULT_TEMPLATES_DIR,
    targetName: options?.targetName ?? 'lint-plan',
  };
}
