import { parseDocument } from 'yaml';
import { INPUT_KINDS, type ForbiddenContent, type InputKind, type PlanTemplate, type TemplateSection } from './template';
import { splitFrontmatter } from '../plan-file/frontmatter';

/** A template file that cannot be used, with the file and the reason. */
export class TemplateError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`Template ${file}: ${reason}`);
    this.name = 'TemplateError';
  }
}

type Raw = Record<string, unknown>;

/** Parses a template file's text; every missing or malformed field is reported with the file name. */
export function parseTemplate(text: string, source: string, builtIn: boolean): PlanTemplate {
  const { frontmatter, body } = splitFrontmatter(text);
  if (frontmatter === undefined) {
    throw new TemplateError(source, 'has no YAML frontmatter block (--- ... ---) at its top.');
  }
  const doc = parseDocument(frontmatter);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const line = (error.linePos?.[0]?.line ?? 0) + 1;
    throw new TemplateError(source, `invalid YAML frontmatter at line ${line}: ${error.message.split('\n')[0]}`);
  }
  const raw = (doc.toJS() ?? {}) as Raw;
  const id = requireString(raw, 'id', source);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    throw new TemplateError(source, `id "${id}" must be lower-case letters, digits and dashes.`);
  }
  return {
    id,
    name: requireString(raw, 'name', source),
    description: requireString(raw, 'description', source),
    output: parseOutput(raw, source),
    inputs: parseInputs(raw.inputs, source),
    sections: parseSections(raw.sections, source),
    forbidden: parseForbidden(raw.forbidden, source),
    instructions: typeof raw.instructions === 'string' ? raw.instructions.trim() : '',
    body: body.replace(/^\n+/, ''),
    source,
    builtIn,
  };
}

function requireString(raw: Raw, key: string, source: string): string {
  const value = raw[key];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TemplateError(source, `frontmatter field "${key}" must be a non-empty string.`);
  }
  return value.trim();
}

function parseOutput(raw: Raw, source: string): string {
  const output = requireString(raw, 'output', source);
  if (!/^[\w.-]+\.md$/.test(output)) {
    throw new TemplateError(source, `output "${output}" must be a plain Markdown file name such as plan.md.`);
  }
  return output;
}

function parseInputKinds(value: unknown, field: string, source: string): InputKind[] {
  if (!Array.isArray(value)) throw new TemplateError(source, `${field} must be a list of input kinds.`);
  return value.map((kind) => {
    if (!INPUT_KINDS.includes(kind as InputKind)) {
      throw new TemplateError(source, `${field} names unknown input kind "${kind}" (known: ${INPUT_KINDS.join(', ')}).`);
    }
    return kind as InputKind;
  });
}

function parseInputs(value: unknown, source: string): PlanTemplate['inputs'] {
  const raw = (value ?? {}) as Raw;
  if (!Array.isArray(raw.anyOf) || raw.anyOf.length === 0) {
    throw new TemplateError(source, 'inputs.anyOf must list at least one set of input kinds, e.g. [[prd], [description]].');
  }
  return {
    anyOf: raw.anyOf.map((set, i) => parseInputKinds(set, `inputs.anyOf[${i}]`, source)),
    reads: raw.reads === undefined ? [] : parseInputKinds(raw.reads, 'inputs.reads', source),
  };
}

function parseSections(value: unknown, source: string): TemplateSection[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new TemplateError(source, 'sections must list the plan\'s required sections in order.');
  }
  return value.map((entry, i) => {
    const raw = (typeof entry === 'string' ? { title: entry } : entry) as Raw;
    if (typeof raw.title !== 'string' || raw.title.trim() === '') {
      throw new TemplateError(source, `sections[${i}] needs a title.`);
    }
    return {
      title: raw.title.trim(),
      level: typeof raw.level === 'number' ? raw.level : 2,
      checklist: raw.checklist === true,
      groups: Array.isArray(raw.groups) ? raw.groups.map(String) : [],
      guidance: typeof raw.guidance === 'string' ? raw.guidance.trim() : '',
    };
  });
}

function parseForbidden(value: unknown, source: string): ForbiddenContent[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TemplateError(source, 'forbidden must be a list.');
  return value.map((entry, i) => {
    const raw = entry as Raw;
    const rule = {
      id: String(raw.id ?? `forbidden-${i + 1}`),
      description: String(raw.description ?? raw.id ?? ''),
      pattern: String(raw.pattern ?? ''),
    };
    try {
      new RegExp(rule.pattern, 'iu');
    } catch (error) {
      throw new TemplateError(source, `forbidden[${i}].pattern is not a valid regular expression: ${(error as Error).message}`);
    }
    return rule;
  });
}
