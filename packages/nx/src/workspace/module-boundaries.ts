import { parseJson } from '@nx/devkit';
import type { FileSource } from '../utils/file-source';
import { readText } from '../utils/file-source';
import type { DepConstraint, ModuleBoundaries } from './types';

const FLAT_CONFIGS = ['eslint.config.mjs', 'eslint.config.js', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const LEGACY_CONFIGS = ['.eslintrc.json', '.eslintrc'];

/**
 * Reads the `@nx/enforce-module-boundaries` depConstraints from the workspace's root ESLint config. The config
 * is parsed, never executed: a flat config's plugins need not be installed for Groundplan to read its rules.
 */
export function readModuleBoundaries(source: FileSource): ModuleBoundaries {
  for (const file of FLAT_CONFIGS) {
    const text = readText(source, file);
    if (text !== undefined) {
      // The TypeScript parser is loaded only for a script config: reading the workspace otherwise needs none.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { constraintsFromScript } = require('./eslint-config-script') as typeof import('./eslint-config-script');
      return { source: file, constraints: constraintsFromScript(text, file, (path) => readText(source, path)) };
    }
  }
  for (const file of LEGACY_CONFIGS) {
    const text = readText(source, file);
    if (text !== undefined) return { source: file, constraints: constraintsFromJson(parseJson(text)) };
  }
  return { constraints: [] };
}

function constraintsFromJson(config: unknown): DepConstraint[] {
  const found: DepConstraint[] = [];
  visitJson(config, (key, value) => {
    if (key === '@nx/enforce-module-boundaries' || key === '@nrwl/nx/enforce-module-boundaries') {
      const options = Array.isArray(value) ? value[1] : undefined;
      const constraints = (options as { depConstraints?: DepConstraint[] } | undefined)?.depConstraints;
      if (Array.isArray(constraints)) found.push(...constraints);
    }
  });
  return found;
}

function visitJson(value: unknown, visit: (key: string, value: unknown) => void): void {
  if (Array.isArray(value)) value.forEach((item) => visitJson(item, visit));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      visit(key, child);
      visitJson(child, visit);
    }
  }
}
