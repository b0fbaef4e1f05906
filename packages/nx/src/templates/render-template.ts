import { Script } from 'node:vm';
import * as ejs from 'ejs';
import type { PlanData } from './plan-data';
import { TemplateError } from './parse-template';
import type { PlanTemplate } from './template';

/**
 * Helpers every template can call. Each list helper takes the line to print when there is nothing to list,
 * so a section with nothing to say says why instead of leaving a placeholder.
 */
export const templateHelpers = {
  code: (text: string) => `\`${text}\``,
  bullets: (items: string[], whenEmpty: string) => (items.length ? items.map((item) => `- ${item}`).join('\n') : whenEmpty),
  checklist: (items: string[], whenEmpty: string) => (items.length ? items.map((item) => `- [ ] ${item}`).join('\n') : whenEmpty),
  numbered: (items: string[], whenEmpty: string) => (items.length ? items.map((item, i) => `${i + 1}. ${item}`).join('\n') : whenEmpty),
  table: (headers: string[], rows: string[][], whenEmpty: string) =>
    rows.length
      ? [`| ${headers.join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map((row) => `| ${row.map(escapeCell).join(' | ')} |`)].join('\n')
      : whenEmpty,
  days: ([min, max]: [number, number]) => (min === max ? `${min} day${min === 1 ? '' : 's'}` : `${min}–${max} days`),
  mermaid: (diagram: string) => '```mermaid\n' + diagram.trim() + '\n```',
  /**
   * Where a dependent's code uses what the plan changes, after a project's line ("; `a.ts` uses `Name`"), else
   * nothing: one wording in every template, the one lint's symbol rule reads as no claim of where `Name` is declared.
   */
  dependentUses: (dependent: { uses?: Array<{ name: string; path: string }> }) =>
    dependent.uses?.length ? `; ${dependent.uses.map((use) => `\`${use.path}\` uses \`${use.name}\``).join(', ')}` : '',
};

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Renders a template with the drafted model. Input text reaches the template only as data in `model`: EJS
 * evaluates the template's own body, never the inputs, and `<%= %>` prints Markdown unescaped.
 */
export function renderTemplate(template: PlanTemplate, model: PlanData): string {
  let text: string;
  try {
    text = ejs.render(template.body, { ...model, model, ...templateHelpers }, { filename: template.source, escape: String, async: false });
  } catch (error) {
    throw new TemplateError(template.source, `EJS error ${describeEjsError(template.body, error as Error)}`);
  }
  return tidy(text);
}

/**
 * Where a template's EJS went wrong, and what: "at line 12: Unexpected token ')'". A runtime error carries
 * the line in EJS's own message (`file:12`); a syntax error does not, so the compiled function is compiled
 * again with the line markers EJS puts in it, and the marker before the error gives the template line.
 */
export function describeEjsError(body: string, error: Error): string {
  const message = error.message ?? String(error);
  const runtimeLine = /:(\d+)\n/.exec(message)?.[1];
  const what =
    message
      .split('\n')
      .find((line) => line.trim() !== '' && !/^\s*(?:>>\s*)?\d+\|/.test(line) && !/:\d+$/.test(line.trim()))
      ?.replace(/ while compiling ejs$/, '') ?? message;
  if (runtimeLine && !(error instanceof SyntaxError)) return `at line ${runtimeLine}: ${lastMeaningfulLine(message)}`;
  const line = syntaxErrorLine(body);
  return `${line ? `at line ${line}` : 'in the template'}: ${what.trim()}`;
}

function lastMeaningfulLine(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines[lines.length - 1] ?? message;
}

/** The template line of a syntax error, found by compiling EJS's generated source with its line markers. */
function syntaxErrorLine(body: string): number | undefined {
  let source: string;
  try {
    const template = new (ejs as unknown as { Template: new (text: string, options: object) => { generateSource(): void; source: string } }).Template(body, {
      compileDebug: true,
      strict: false,
      _with: true,
    });
    template.generateSource();
    source = template.source;
  } catch {
    return undefined;
  }
  const lines = source.split('\n');
  const parses = (end: number): boolean => {
    try {
      new Script(`(function(){\n${lines.slice(0, end).join('\n')}\n})`);
      return true;
    } catch (error) {
      // A prefix cut inside a block only lacks its end; that is not the error.
      return /Unexpected end of input|Unterminated template/.test((error as Error).message);
    }
  };
  // The error is on the first line after the longest prefix that still parses.
  let lastGood = 0;
  for (let end = 1; end <= lines.length; end++) if (parses(end)) lastGood = end;
  // EJS sets `__line = N` before the code of template line N: the marker at or before the failing line names it.
  for (let i = Math.min(lastGood, lines.length - 1); i >= 0; i--) {
    const marker = /__line = (\d+)/.exec(lines[i]);
    if (marker) return Number(marker[1]);
  }
  return undefined;
}

/** Collapses the blank lines that EJS control lines leave behind. */
function tidy(text: string): string {
  return (
    text
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
