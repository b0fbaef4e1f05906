import { parseJson } from '@nx/devkit';
import { ts } from 'ts-morph';
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
    if (text !== undefined) return { source: file, constraints: constraintsFromScript(text, file) };
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

/** Finds every `depConstraints: [...]` literal in a JS/TS config and evaluates it as data. */
function constraintsFromScript(text: string, file: string): DepConstraint[] {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: DepConstraint[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'depConstraints' && ts.isArrayLiteralExpression(node.initializer)) {
      const value = literalValue(node.initializer);
      if (Array.isArray(value)) found.push(...(value as DepConstraint[]));
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Evaluates literal expressions (strings, numbers, booleans, arrays, objects); anything else is undefined. */
function literalValue(node: ts.Expression): unknown {
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => literalValue(e)).filter((v) => v !== undefined);
  if (ts.isObjectLiteralExpression(node)) {
    const object: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = propertyName(property.name);
        if (key !== undefined) object[key] = literalValue(property.initializer);
      }
    }
    return object;
  }
  return undefined;
}
