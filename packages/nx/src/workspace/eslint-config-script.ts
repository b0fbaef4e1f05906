import { ts } from 'ts-morph';
import type { DepConstraint } from './types';

/** Finds every `depConstraints: [...]` literal in a JS/TS config and evaluates it as data. */
export function constraintsFromScript(text: string, file: string): DepConstraint[] {
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
