import * as ejs from 'ejs';
import type { PlanModel } from '../draft/plan-model';
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
};

function escapeCell(cell: string): string {
  return cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * Renders a template with the drafted model. Input text reaches the template only as data in `model`: EJS
 * evaluates the template's own body, never the inputs, and `<%= %>` prints Markdown unescaped.
 */
export function renderTemplate(template: PlanTemplate, model: PlanModel): string {
  let text: string;
  try {
    text = ejs.render(template.body, { ...model, model, ...templateHelpers }, { filename: template.source, escape: String, async: false });
  } catch (error) {
    throw new TemplateError(template.source, `EJS error: ${(error as Error).message.split('\n').slice(-1)[0]}`);
  }
  return tidy(text);
}

/** Collapses the blank lines that EJS control lines leave behind. */
function tidy(text: string): string {
  return text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}
