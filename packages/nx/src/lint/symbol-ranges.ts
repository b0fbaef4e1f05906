import { ts } from 'ts-morph';

const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/i;

export function isCodeFile(path: string): boolean {
  return CODE_FILE.test(path);
}

/**
 * The lines each top-level declaration of a file spans (JSDoc and decorators included), and each member of
 * its classes and interfaces as `Class.member`: enough to tell whether a diff touched a named symbol.
 * Parsed with TypeScript's parser alone, for the changed files a plan names (never the whole workspace).
 */
export function symbolRanges(path: string, text: string): Map<string, [number, number]> {
  const kind = /\.tsx$/i.test(path)
    ? ts.ScriptKind.TSX
    : /\.jsx$/i.test(path)
      ? ts.ScriptKind.JSX
      : /\.[cm]?js$/i.test(path)
        ? ts.ScriptKind.JS
        : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(path, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1;
  // getFullStart includes leading comments (JSDoc): editing a symbol's doc edits the symbol.
  const span = (node: ts.Node): [number, number] => [lineOf(node.getFullStart() + leadingBlank(text, node.getFullStart())), lineOf(node.getEnd())];
  const ranges = new Map<string, [number, number]>();
  for (const statement of sf.statements) {
    for (const name of declaredNames(statement)) ranges.set(name, span(statement));
    if (ts.isClassDeclaration(statement) || ts.isInterfaceDeclaration(statement)) {
      const owner = statement.name?.text;
      if (!owner) continue;
      for (const member of statement.members) {
        const name =
          member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name) || ts.isStringLiteral(member.name))
            ? member.name.text
            : undefined;
        if (name && !ranges.has(`${owner}.${name}`)) ranges.set(`${owner}.${name}`, span(member));
        if (ts.isConstructorDeclaration(member)) ranges.set(`${owner}.constructor`, span(member));
      }
    }
  }
  return ranges;
}

/** Skips the blank lines before a node's leading comments, so that they do not belong to it. */
function leadingBlank(text: string, from: number): number {
  const match = /^\s*/.exec(text.slice(from, from + 400));
  const blank = match ? match[0] : '';
  const lastNewline = blank.lastIndexOf('\n');
  return lastNewline === -1 ? 0 : lastNewline + 1;
}

function declaredNames(statement: ts.Statement): string[] {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  if (
    ts.isFunctionDeclaration(statement) ||
    ts.isClassDeclaration(statement) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    ts.isEnumDeclaration(statement) ||
    ts.isModuleDeclaration(statement)
  ) {
    return statement.name && ts.isIdentifier(statement.name) ? [statement.name.text] : [];
  }
  return [];
}

/** Whether any changed line range meets `range`. */
export function touches(range: [number, number], lines: Array<[number, number]>): boolean {
  return lines.some(([start, end]) => start <= range[1] && end >= range[0]);
}
