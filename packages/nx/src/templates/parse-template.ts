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
    throw new TemplateError(source, "sections must list the plan's required sections in order.");
  }
  return value.map((entry, i) => {
    const raw = (typeof entry === 'string' ? { title: entry } : entry) as Raw;
    if (typeof raw.title !== 'string' || raw.title.trim() === '') {
      throw new TemplateError(source, `sections[${i}] needs a title.`);
    }
    if (raw.level !== undefined && !(Number.isInteger(raw.level) && (raw.level as number) >= 1 && (raw.level as number) <= 6)) {
      throw new TemplateError(source, `sections[${i}].level must be a heading level from 1 to 6, not ${JSON.stringify(raw.level)}.`);
    }
    if (raw.checklist !== undefined && typeof raw.checklist !== 'boolean') throw new TemplateError(source, `sections[${i}].checklist must be true or false.`);
    if (raw.groups !== undefined && !(Array.isArray(raw.groups) && raw.groups.every((g) => typeof g === 'string' && g.trim() !== ''))) {
      throw new TemplateError(source, `sections[${i}].groups must be a list of sub-heading titles.`);
    }
    if (raw.guidance !== undefined && typeof raw.guidance !== 'string') throw new TemplateError(source, `sections[${i}].guidance must be text.`);
    return {
      title: raw.title.trim(),
      level: (raw.level as number | undefined) ?? 2,
      checklist: raw.checklist === true,
      groups: ((raw.groups as string[] | undefined) ?? []).map((g) => g.trim()),
      guidance: typeof raw.guidance === 'string' ? raw.guidance.trim() : '',
    };
  });
}

function parseForbidden(value: unknown, source: string): ForbiddenContent[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TemplateError(source, 'forbidden must be a list.');
  return value.map((entry, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry))
      throw new TemplateError(source, `forbidden[${i}] must be a map with id, description and pattern.`);
    const raw = entry as Raw;
    for (const key of ['id', 'description'] as const) {
      if (raw[key] !== undefined && typeof raw[key] !== 'string') throw new TemplateError(source, `forbidden[${i}].${key} must be text.`);
    }
    if (typeof raw.pattern !== 'string' || raw.pattern.trim() === '')
      throw new TemplateError(source, `forbidden[${i}].pattern must be a non-empty regular expression.`);
    const rule = {
      id: String(raw.id ?? `forbidden-${i + 1}`),
      description: String(raw.description ?? raw.id ?? ''),
      pattern: raw.pattern,
    };
    try {
      new RegExp(rule.pattern, 'iu');
    } catch (error) {
      throw new TemplateError(source, `forbidden[${i}].pattern is not a valid regular expression: ${(error as Error).message}`);
    }
    const unsafe = unsafePattern(rule.pattern);
    if (unsafe)
      throw new TemplateError(
        source,
        `forbidden[${i}].pattern ${JSON.stringify(rule.pattern)} ${unsafe}; it could take exponential time on a plan. Rewrite it without nesting quantifiers.`,
      );
    return rule;
  });
}

export const MAX_PATTERN_LENGTH = 2000;

/**
 * Why a forbidden-content pattern could backtrack exponentially (ReDoS), or undefined when it is safe to run
 * on any plan: no quantified group that itself holds a quantifier or an alternation (`(a+)+`, `(a|ab)*`), no
 * back-references, and a bounded length. Conservative: a pattern refused here can always be written another way.
 */
export function unsafePattern(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a back-reference';
  const groups: Array<{ risky: boolean }> = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') inClass = true;
    else if (char === '(') groups.push({ risky: false });
    else if (char === '|' && groups.length) groups[groups.length - 1].risky = true;
    else if (char === ')') {
      const group = groups.pop();
      const next = pattern.slice(i + 1);
      const quantified = /^(?:[*+]|\{\d*,\d*\}|\{\d{2,}\})/.test(next);
      if (group?.risky && quantified) return 'repeats a group that itself repeats or alternates';
      if (group?.risky && groups.length) groups[groups.length - 1].risky = true;
      if (quantified && groups.length) groups[groups.length - 1].risky = true;
    } else if ((char === '*' || char === '+' || char === '{') && groups.length) groups[groups.length - 1].risky = true;
  }
  return undefined;
}
