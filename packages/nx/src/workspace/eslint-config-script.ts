import { posix } from 'node:path';
import { ts } from 'ts-morph';
import type { DepConstraint } from './types';

/** Reads another module of the config by its workspace-relative path; undefined when there is none. */
export type ReadModule = (path: string) => string | undefined;

const MODULE_EXTENSIONS = ['', '.mjs', '.js', '.cjs', '.ts', '.mts', '.cts', '.json'];

/**
 * Finds every `depConstraints: [...]` in a JS/TS config and evaluates it as data, never running it. Beside
 * literals it follows what configs are written with: a constant of the same file (`depConstraints: shared`),
 * spread arrays and objects (`[...base, { ... }]`), and a constant imported from a relative module of the
 * workspace (`import { constraints } from './eslint.constraints.mjs'`). Anything else reads as nothing.
 */
export function constraintsFromScript(text: string, file: string, readModule: ReadModule = () => undefined): DepConstraint[] {
  const module = parsedModule(text, file, readModule);
  const found: DepConstraint[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && propertyName(node.name) === 'depConstraints') {
      const value = module.valueOf(node.initializer);
      if (Array.isArray(value)) found.push(...(value as DepConstraint[]));
    }
    ts.forEachChild(node, visit);
  };
  visit(module.sourceFile);
  return found;
}

interface ParsedModule {
  sourceFile: ts.SourceFile;
  /** The data an expression stands for, or undefined for anything that is not data. */
  valueOf(node: ts.Expression): unknown;
  /** A top-level constant's value (exported or not). */
  constant(name: string): unknown;
}

function parsedModule(text: string, file: string, readModule: ReadModule, depth = 0): ParsedModule {
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const constants = new Map<string, ts.Expression>();
  const imports = new Map<string, { from: string; name: string }>();
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer) constants.set(declaration.name.text, declaration.initializer);
      }
    } else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text.startsWith('.')) {
      const bindings = statement.importClause?.namedBindings;
      for (const element of bindings && ts.isNamedImports(bindings) ? bindings.elements : []) {
        imports.set(element.name.text, { from: statement.moduleSpecifier.text, name: (element.propertyName ?? element.name).text });
      }
    }
  }
  const seen = new Set<string>();
  const module: ParsedModule = {
    sourceFile,
    valueOf: (node) => literalValue(node, module),
    constant(name) {
      // A constant that refers to itself (or a chain of imports that loops) reads as nothing.
      if (seen.has(name)) return undefined;
      seen.add(name);
      try {
        const initializer = constants.get(name);
        if (initializer) return module.valueOf(initializer);
        const imported = imports.get(name);
        return imported && depth < 4 ? importedConstant(file, imported, readModule, depth) : undefined;
      } finally {
        seen.delete(name);
      }
    },
  };
  return module;
}

function importedConstant(file: string, imported: { from: string; name: string }, readModule: ReadModule, depth: number): unknown {
  const base = posix.normalize(posix.join(posix.dirname(file), imported.from));
  for (const extension of MODULE_EXTENSIONS) {
    const text = readModule(base + extension);
    if (text === undefined) continue;
    if (extension === '.json') return undefined;
    return parsedModule(text, base + extension, readModule, depth + 1).constant(imported.name);
  }
  return undefined;
}

function propertyName(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : undefined;
}

/** Evaluates data expressions (literals, arrays, objects, spreads, constants); anything else is undefined. */
function literalValue(node: ts.Expression, module: ParsedModule): unknown {
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) return literalValue(node.expression, module);
  if (ts.isIdentifier(node)) return module.constant(node.text);
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isArrayLiteralExpression(node)) {
    return node.elements.flatMap((element) => {
      if (ts.isSpreadElement(element)) {
        const spread = literalValue(element.expression, module);
        return Array.isArray(spread) ? spread : [];
      }
      const value = literalValue(element, module);
      return value === undefined ? [] : [value];
    });
  }
  if (ts.isObjectLiteralExpression(node)) {
    const object: Record<string, unknown> = {};
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = literalValue(property.expression, module);
        if (spread && typeof spread === 'object' && !Array.isArray(spread)) Object.assign(object, spread);
      } else if (ts.isPropertyAssignment(property)) {
        const key = propertyName(property.name);
        if (key !== undefined) object[key] = literalValue(property.initializer, module);
      }
    }
    return object;
  }
  return undefined;
}
