import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FileSource } from '../utils/file-source';
import { splitFrontmatter } from '../plan-file/frontmatter';
import { parseTemplate, TemplateError } from './parse-template';
import type { PlanTemplate } from './template';

export const DEFAULT_TEMPLATE = 'checklist';

/** The package's own templates folder, found from this file whether it runs from src/ or dist/. */
export function builtInTemplatesDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the @groundplan/nx package root above ${__dirname}`);
    dir = parent;
  }
  return join(dir, 'templates');
}

let builtInCache: Map<string, PlanTemplate> | undefined;

export function loadBuiltInTemplates(): Map<string, PlanTemplate> {
  if (!builtInCache) {
    const dir = builtInTemplatesDir();
    builtInCache = new Map();
    for (const file of readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .sort()) {
      const template = parseTemplate(readFileSync(join(dir, file), 'utf8'), `@groundplan/nx/templates/${file}`, true);
      builtInCache.set(template.id, template);
    }
  }
  return builtInCache;
}

/**
 * Built-in templates plus the workspace's own (`*.md` in the plugin's templatesDir). A workspace template
 * with a built-in's id replaces it, so a team can adapt `checklist` to its own conventions.
 */
export function loadTemplates(source: FileSource, templatesDir: string, note: (line: string) => void = defaultNote): Map<string, PlanTemplate> {
  const templates = new Map(loadBuiltInTemplates());
  for (const file of source.list(templatesDir).filter((f) => f.endsWith('.md'))) {
    const path = join(templatesDir, file);
    const bytes = source.read(path);
    if (bytes === undefined) {
      note(`Groundplan: skipped ${path}: not a regular file inside the workspace, or larger than a template can be.`);
      continue;
    }
    const text = bytes.toString('utf8');
    // A README or notes beside the templates is not a template: it is skipped, not an error for every run.
    if (!isTemplateText(text)) {
      note(`Groundplan: skipped ${path}: it has no template frontmatter (an \`id:\` in a --- block at its top).`);
      continue;
    }
    const template = parseTemplate(text, path, false);
    templates.set(template.id, template);
  }
  return templates;
}

/** A file meant as a template: a frontmatter block at its top that has an `id` key. */
function isTemplateText(text: string): boolean {
  const { frontmatter } = splitFrontmatter(text);
  return frontmatter !== undefined && /^id[ \t]*:/m.test(frontmatter);
}

function defaultNote(line: string): void {
  process.stderr.write(`${line}\n`);
}

export class UnknownTemplateError extends Error {}

export function resolveTemplate(templates: Map<string, PlanTemplate>, id: string, templatesDir: string): PlanTemplate {
  const template = templates.get(id);
  if (!template) {
    throw new UnknownTemplateError(
      `Unknown template "${id}" (option --template). Known templates: ${[...templates.keys()].join(', ')}. ` +
        `Workspace templates are read from ${templatesDir}/*.md.`,
    );
  }
  return template;
}

export { TemplateError };
