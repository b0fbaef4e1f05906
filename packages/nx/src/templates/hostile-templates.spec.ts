import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskSource } from '../utils/file-source';
import { loadTemplates } from './load-templates';
import { parseTemplate, TemplateError, unsafePattern } from './parse-template';
import { renderTemplate } from './render-template';

/** Workspace templates: every field validated, ReDoS refused, stray files skipped, EJS errors placed. */
const HEAD = 'id: x\nname: X\ndescription: d\noutput: plan.md\ninputs:\n  anyOf: [[prd]]\n';
const template = (yaml: string, body = '## Work\n') => `---\n${HEAD}${yaml}---\n${body}`;

describe('template fields', () => {
  it.each([
    ['level -1', 'sections:\n  - { title: Work, level: -1 }\n', /sections\[0\]\.level must be a heading level from 1 to 6, not -1/],
    ['level 7', 'sections:\n  - { title: Work, level: 7 }\n', /level must be a heading level/],
    ['level "2"', 'sections:\n  - { title: Work, level: "2" }\n', /level must be a heading level/],
    ['checklist "yes"', 'sections:\n  - { title: Work, checklist: "yes" }\n', /checklist must be true or false/],
    ['groups not a list', 'sections:\n  - { title: Work, groups: Backend }\n', /groups must be a list/],
    ['forbidden entry not a map', 'sections: [Work]\nforbidden: [oops]\n', /forbidden\[0\] must be a map/],
    ['forbidden without a pattern', 'sections: [Work]\nforbidden:\n  - { id: a }\n', /forbidden\[0\]\.pattern must be a non-empty/],
    ['a ReDoS pattern', "sections: [Work]\nforbidden:\n  - { id: a, pattern: '^(a+)+$' }\n", /repeats a group that itself repeats/],
    ['an alternation under a star', "sections: [Work]\nforbidden:\n  - { id: a, pattern: '(a|ab)*c' }\n", /repeats a group/],
    ['a back-reference', "sections: [Work]\nforbidden:\n  - { id: a, pattern: '(a)\\1' }\n", /back-reference/],
  ])('%s is a TemplateError naming the field', (_name, yaml, message) => {
    expect(() => parseTemplate(template(yaml), 'tools/t/x.md', false)).toThrow(TemplateError);
    expect(() => parseTemplate(template(yaml), 'tools/t/x.md', false)).toThrow(message);
  });

  it.each(['\\b\\d+\\s*(?:days?|weeks?)\\b', '(?:owner|assignee)\\s*:', '[┌┐└┘]', 'a{2,3}(?:b)?'])('keeps the safe pattern %s', (pattern) => {
    expect(unsafePattern(pattern)).toBeUndefined();
  });
});

describe('the templates folder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'groundplan-templates-'));
    mkdirSync(join(root, 'tpl'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('skips a README without template frontmatter, with a note, and loads the rest', () => {
    writeFileSync(join(root, 'tpl/README.md'), '# Our templates\n\nSee x.md.\n');
    writeFileSync(join(root, 'tpl/x.md'), template('sections: [Work]\n'));
    const notes: string[] = [];
    const templates = loadTemplates(diskSource(root), 'tpl', (line) => notes.push(line));
    expect(templates.has('x')).toBe(true);
    expect(notes).toEqual([expect.stringMatching(/skipped tpl\/README\.md: it has no template frontmatter/)]);
  });
});

describe('EJS errors say where and what', () => {
  const model = {} as never;
  it.each([
    ['a syntax error', '## Work\n\nline two\n<%= nope( %>\n', /EJS error at line 4: /],
    ['a runtime error', '## Work\n\n<%= missing.value %>\n', /EJS error at line 3: .*missing/],
  ])('%s', (_name, body, message) => {
    const parsed = parseTemplate(template('sections: [Work]\n', body), 'tools/t/x.md', false);
    let error: Error | undefined;
    try {
      renderTemplate(parsed, model);
    } catch (e) {
      error = e as Error;
    }
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toMatch(/async: true/);
  });
});
