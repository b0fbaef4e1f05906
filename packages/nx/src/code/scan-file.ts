import { ts } from 'ts-morph';
import type { CodeSymbol, SymbolKind } from './types';
import { clip } from '../utils/clip';

/** What one file says about itself, read from its syntax alone (no type checker, no other file). */
export interface ScannedFile {
  symbols: CodeSymbol[];
  /** Module specifiers as written in its import, export-from and require statements. */
  specifiers: string[];
  doc?: string;
  /** Syntax errors the parser recovered from; the symbols are what it could still read. */
  syntaxErrors: number;
  /** Only imports and re-exports (`export * from './x'`): a barrel, which holds no code of its own. */
  barrel?: boolean;
}

const MAX_SIGNATURE = 220;
const MAX_INITIALIZER = 80;
const MAX_DECORATOR = 120;

/**
 * Parses with TypeScript's own parser (the one ts-morph bundles) and reads only the top-level statements
 * and class/interface members: that is what a reader of the file's outline needs, and it keeps the scan
 * within a few percent of the cost of parsing.
 */
export function scanSource(path: string, text: string): ScannedFile {
  // JSDoc is read from the comment text (first sentences only), so the parser need not build JSDoc nodes.
  const options = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };
  const sf = ts.createSourceFile(path, text, options, false, scriptKind(path));
  const specifiers: string[] = [];
  const symbols: CodeSymbol[] = [];
  const seen = new Set<string>();
  const exportedLater = new Set<string>();
  let reexports = 0;
  let other = 0;
  for (const statement of sf.statements) {
    const specifier = moduleSpecifierOf(statement);
    if (specifier !== undefined) specifiers.push(specifier);
    if (ts.isExportDeclaration(statement)) reexports++;
    else if (!ts.isImportDeclaration(statement) && !ts.isImportEqualsDeclaration(statement)) other++;
    if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) exportedLater.add((element.propertyName ?? element.name).text);
    }
    for (const symbol of symbolsOf(statement, sf)) {
      // Overloads and merged declarations are one symbol: the first says it.
      const key = `${symbol.kind} ${symbol.name}`;
      if (!seen.has(key)) symbols.push(symbol);
      seen.add(key);
    }
  }
  for (const symbol of symbols) if (exportedLater.has(symbol.name)) symbol.exported = true;
  const syntaxErrors = (sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
  return { symbols, specifiers, doc: fileDoc(sf), syntaxErrors, ...(reexports > 0 && other === 0 ? { barrel: true } : {}) };
}

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (path.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(path)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

function moduleSpecifierOf(statement: ts.Statement): string | undefined {
  if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
    return ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
  }
  if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
    const expression = statement.moduleReference.expression;
    return ts.isStringLiteral(expression) ? expression.text : undefined;
  }
  if (ts.isVariableStatement(statement)) {
    const initializer = statement.declarationList.declarations[0]?.initializer;
    if (initializer && ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'require') {
      const [argument] = initializer.arguments;
      return argument && ts.isStringLiteral(argument) ? argument.text : undefined;
    }
  }
  return undefined;
}

function symbolsOf(statement: ts.Statement, sf: ts.SourceFile): CodeSymbol[] {
  const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
  if (ts.isFunctionDeclaration(statement)) {
    const name = statement.name?.text ?? 'default';
    return [symbol(statement, sf, name, 'function', headText(statement, sf, statement.body?.getStart(sf) ?? statement.end), exported)];
  }
  if (ts.isClassDeclaration(statement)) {
    const name = statement.name?.text ?? 'default';
    const head = headText(statement, sf, membersStart(statement, sf));
    return [{ ...symbol(statement, sf, name, 'class', head, exported), members: classMembers(statement, sf) }];
  }
  if (ts.isInterfaceDeclaration(statement)) {
    const head = headText(statement, sf, membersStart(statement, sf));
    return [{ ...symbol(statement, sf, statement.name.text, 'interface', head, exported), members: interfaceMembers(statement.members, sf) }];
  }
  if (ts.isTypeAliasDeclaration(statement)) {
    return [symbol(statement, sf, statement.name.text, 'type', headText(statement, sf, statement.end), exported)];
  }
  if (ts.isEnumDeclaration(statement)) {
    return [symbol(statement, sf, statement.name.text, 'enum', headText(statement, sf, statement.end), exported)];
  }
  if (ts.isVariableStatement(statement)) return variableSymbols(statement, sf, exported);
  return [];
}

function variableSymbols(statement: ts.VariableStatement, sf: ts.SourceFile, exported: boolean): CodeSymbol[] {
  const flags = statement.declarationList.flags;
  const keyword = flags & ts.NodeFlags.Const ? 'const' : flags & ts.NodeFlags.Let ? 'let' : 'var';
  const symbols: CodeSymbol[] = [];
  for (const declaration of statement.declarationList.declarations) {
    if (!ts.isIdentifier(declaration.name)) continue;
    const signature = `${keyword} ${declarationHead(declaration, sf)}`;
    symbols.push({ ...symbol(statement, sf, declaration.name.text, 'variable', signature, exported), line: lineOf(declaration, sf) });
  }
  return symbols;
}

/** `name = (a: A): B =>` for a function value, `name: T` when typed, else `name = <initializer, shortened>`. */
function declarationHead(declaration: ts.VariableDeclaration | ts.PropertyDeclaration, sf: ts.SourceFile): string {
  const initializer = declaration.initializer;
  const start = declaration.name.getStart(sf);
  if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) {
    return collapse(headSlice(sf.text, start, initializer.body.getStart(sf)));
  }
  if (declaration.type || !initializer) return collapse(headSlice(sf.text, start, (declaration.type ?? declaration.name).end));
  return collapse(`${sf.text.slice(start, declaration.name.end)} = ${clip(initializer.getText(sf), MAX_INITIALIZER)}`);
}

function classMembers(node: ts.ClassDeclaration, sf: ts.SourceFile): CodeSymbol[] {
  const members: CodeSymbol[] = [];
  for (const member of node.members) {
    if (ts.isConstructorDeclaration(member)) {
      members.push(symbol(member, sf, 'constructor', 'method', headText(member, sf, member.body?.getStart(sf) ?? member.end), true));
      continue;
    }
    if (!member.name || ts.isPrivateIdentifier(member.name) || !isPublic(member)) continue;
    const name = member.name.getText(sf);
    if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) {
      members.push(symbol(member, sf, name, 'method', headText(member, sf, member.body?.getStart(sf) ?? member.end), true));
    } else if (ts.isPropertyDeclaration(member)) {
      const head = declarationHead(member, sf);
      const modifiers = modifierText(member, sf);
      members.push(symbol(member, sf, name, 'property', `${modifiers}${head}`, true));
    }
  }
  return members;
}

function interfaceMembers(members: ts.NodeArray<ts.TypeElement>, sf: ts.SourceFile): CodeSymbol[] {
  return members
    .filter((member) => member.name !== undefined || ts.isCallSignatureDeclaration(member))
    .map((member) => {
      const kind: SymbolKind = ts.isMethodSignature(member) ? 'method' : 'property';
      const name = member.name?.getText(sf) ?? '()';
      return symbol(member, sf, name, kind, collapse(headSlice(sf.text, member.getStart(sf), member.end)).replace(/[;,]$/, ''), true);
    });
}

function symbol(node: ts.Node, sf: ts.SourceFile, name: string, kind: SymbolKind, signature: string, exported: boolean): CodeSymbol {
  const doc = docOf(node, sf);
  return {
    name,
    kind,
    signature: clip(signature, MAX_SIGNATURE),
    exported,
    line: lineOf(node, sf),
    decorators: decoratorsOf(node, sf),
    ...(doc ? { doc } : {}),
    members: [],
  };
}

function lineOf(node: ts.Node, sf: ts.SourceFile): number {
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function decoratorsOf(node: ts.Node, sf: ts.SourceFile): string[] {
  const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
  return (decorators ?? []).map((decorator) => clip(collapse(headSlice(sf.text, decorator.getStart(sf), decorator.end)), MAX_DECORATOR));
}

/** The declaration's text from after its decorators to `end`, without export/default/declare/public. */
function headText(node: ts.Node, sf: ts.SourceFile, end: number): string {
  return collapse(headSlice(sf.text, startAfterDecorators(node, sf), end))
    .replace(/^(export\s+)?(default\s+)?(declare\s+)?(public\s+)?/, '')
    .replace(/[;{]$/, '')
    .trim();
}

function startAfterDecorators(node: ts.Node, sf: ts.SourceFile): number {
  const decorators = ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined;
  if (!decorators?.length) return node.getStart(sf);
  const end = decorators[decorators.length - 1].end;
  return end + Math.max(0, sf.text.slice(end, end + 200).search(/\S/));
}

/** Where a class or interface body starts: its heading is everything before the `{`. */
function membersStart(node: ts.ClassDeclaration | ts.InterfaceDeclaration, sf: ts.SourceFile): number {
  return node.members.pos > 0 ? sf.text.lastIndexOf('{', node.members.pos) : node.end;
}

function modifierText(node: ts.Node, sf: ts.SourceFile): string {
  const modifiers = (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined) ?? [];
  return modifiers
    .filter((modifier) => modifier.kind !== ts.SyntaxKind.PublicKeyword)
    .map((modifier) => `${modifier.getText(sf)} `)
    .join('');
}

function isPublic(node: ts.Node): boolean {
  return !hasModifier(node, ts.SyntaxKind.PrivateKeyword) && !hasModifier(node, ts.SyntaxKind.ProtectedKeyword);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return modifiers?.some((modifier) => modifier.kind === kind) ?? false;
}

/** First sentence of the JSDoc right before a node. */
function docOf(node: ts.Node, sf: ts.SourceFile): string | undefined {
  const comments = ts.getLeadingCommentRanges(sf.text, node.pos) ?? [];
  const jsDoc = comments.filter((c) => sf.text.startsWith('/**', c.pos)).pop();
  return jsDoc ? firstSentence(sf.text.slice(jsDoc.pos, jsDoc.end)) : undefined;
}

/**
 * A file's own doc comment: the first block comment at the top, unless it sits alone right above the first
 * declaration (then it documents that declaration). Licence headers are not documentation.
 */
function fileDoc(sf: ts.SourceFile): string | undefined {
  const first = sf.statements[0];
  if (!first) return undefined;
  const comments = (ts.getLeadingCommentRanges(sf.text, first.pos) ?? []).filter(
    (c) => c.kind === ts.SyntaxKind.MultiLineCommentTrivia && !/@license|copyright/i.test(sf.text.slice(c.pos, c.end)),
  );
  const isImport = ts.isImportDeclaration(first) || ts.isImportEqualsDeclaration(first) || ts.isExportDeclaration(first);
  if (comments.length === 0 || (comments.length === 1 && !isImport)) return undefined;
  return firstSentence(sf.text.slice(comments[0].pos, comments[0].end));
}

export function firstSentence(comment: string): string | undefined {
  const lines = comment
    .replace(/^\/\*+|\*+\/$/g, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, '').trim());
  const tagAt = lines.findIndex((line) => line.startsWith('@'));
  const prose = collapse((tagAt >= 0 ? lines.slice(0, tagAt) : lines).join(' '));
  const sentence = prose.match(/^.*?(?<!\b(?:e\.g|i\.e|etc|vs))[.!?](?=\s|$)/)?.[0] ?? prose;
  return sentence ? clip(sentence, 200) : undefined;
}

/**
 * The text from `start` to `end`, cut where it could no longer reach the shown signature: collapsing whitespace
 * shortens code far less than this, so a head longer than the cut (an enum's or a type's whole body) is shortened
 * to the same signature, without collapsing the rest of it first.
 */
function headSlice(text: string, start: number, end: number): string {
  return text.slice(start, Math.min(end, start + MAX_SIGNATURE * 8));
}

/** One line: runs of whitespace become one space, none is left just inside parentheses and brackets, nor a trailing comma. */
function collapse(text: string): string {
  // Most heads are one line already: each replace runs only when its pattern can be there.
  let line = /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
  if (line.includes('( ') || line.includes('[ ')) line = line.replace(/([([]) /g, '$1');
  if (line.includes(' )') || line.includes(' ]')) line = line.replace(/,? ([)\]])/g, '$1');
  return line.trim();
}
