import { memorySource } from '../test-utils/memory-source';
import { checkInputsCover, findInputs, InputError, kindFromName, workspacePath } from './feature-inputs';

const FEATURE = 'apps/api/product-development/checkout';
const text = (title: string) => `# ${title}\n\nLet customers pay in one step.\n`;

describe('findInputs: the feature folder, explicit files, the constitution and text, in that order', () => {
  it.each([
    [
      'the feature folder: JTBD, PRD and spec',
      { [`${FEATURE}/JTBD.md`]: text('Jobs'), [`${FEATURE}/PRD.md`]: text('PRD'), [`${FEATURE}/spec.md`]: text('Spec') },
      {},
      [
        ['jtbd', `${FEATURE}/JTBD.md`],
        ['prd', `${FEATURE}/PRD.md`],
        ['spec', `${FEATURE}/spec.md`],
      ],
    ],
    [
      'file names in any case',
      { [`${FEATURE}/prd.md`]: text('PRD'), [`${FEATURE}/Jtbd.md`]: text('Jobs') },
      {},
      [
        ['jtbd', `${FEATURE}/Jtbd.md`],
        ['prd', `${FEATURE}/prd.md`],
      ],
    ],
    [
      'the constitution: the feature folder first',
      { [`${FEATURE}/PRD.md`]: text('PRD'), [`${FEATURE}/constitution.md`]: text('Feature rules'), 'apps/api/constitution.md': text('Project rules') },
      {},
      [
        ['prd', `${FEATURE}/PRD.md`],
        ['constitution', `${FEATURE}/constitution.md`],
      ],
    ],
    [
      'the constitution: then the project root',
      { [`${FEATURE}/PRD.md`]: text('PRD'), 'apps/api/constitution.md': text('Project rules'), 'product-development/constitution.md': text('Workspace rules') },
      {},
      [
        ['prd', `${FEATURE}/PRD.md`],
        ['constitution', 'apps/api/constitution.md'],
      ],
    ],
    [
      "the constitution: then spec-kit's place",
      { [`${FEATURE}/PRD.md`]: text('PRD'), '.specify/memory/constitution.md': text('Rules') },
      {},
      [
        ['prd', `${FEATURE}/PRD.md`],
        ['constitution', '.specify/memory/constitution.md'],
      ],
    ],
    [
      'explicit files replace the search, their kind from their names',
      { [`${FEATURE}/PRD.md`]: text('PRD'), 'docs/billing-jobs.md': text('Jobs'), 'docs/billing.md': text('Requirements') },
      { files: ['docs/billing-jobs.md', 'docs/billing.md'] },
      [
        ['jtbd', 'docs/billing-jobs.md'],
        ['prd', 'docs/billing.md'],
      ],
    ],
    [
      'a description and a task, after the files',
      { [`${FEATURE}/PRD.md`]: text('PRD') },
      { description: 'Pay in one step', task: { origin: 'stdin', text: 'Add the endpoint' } },
      [
        ['prd', `${FEATURE}/PRD.md`],
        ['description', 'description'],
        ['task', 'stdin'],
      ],
    ],
    ['nothing there', {}, {}, []],
  ])('%s', (_name, files, query, found) => {
    const { inputs } = findInputs(memorySource(files), { projectRoot: 'apps/api', feature: 'checkout', ...query });
    expect(inputs.map((input) => [input.kind, input.origin])).toEqual(found);
  });

  it('lists every place it looked, for the "no inputs" message', () => {
    const found = findInputs(memorySource({}), { projectRoot: 'apps/api', feature: 'checkout' });
    expect(found.searched).toEqual([
      `${FEATURE}/JTBD.md`,
      `${FEATURE}/PRD.md`,
      `${FEATURE}/spec.md`,
      `${FEATURE}/constitution.md`,
      'apps/api/constitution.md',
      'product-development/constitution.md',
      '.specify/memory/constitution.md',
    ]);
    expect(() => checkInputsCover(found, [['jtbd', 'prd'], ['description']], 'checklist')).toThrow(
      new InputError(
        `No inputs for template "checklist": it needs JTBD.md + PRD.md, or --description. Looked in:\n${found.searched.map((path) => `  - ${path}`).join('\n')}\nAdd the files there, pass --inputs <files>, or give --description "..." / --task-file <file|->.`,
      ),
    );
  });
});

describe('checkInputsCover', () => {
  const found = (kinds: string[]) =>
    ({ inputs: kinds.map((kind) => ({ kind, origin: kind, text: 'x', hash: 'h' })), searched: [] }) as unknown as Parameters<typeof checkInputsCover>[0];
  it.each([
    [['jtbd', 'prd'], true],
    [['prd'], true],
    [['jtbd'], false],
    [['description'], true],
    [['constitution'], false],
  ])('%j covers [[jtbd, prd], [prd], [description]]: %s', (kinds, covered) => {
    const check = () => checkInputsCover(found(kinds), [['jtbd', 'prd'], ['prd'], ['description']], 'checklist');
    if (covered) expect(check).not.toThrow();
    else expect(check).toThrow(InputError);
  });
});

describe('kindFromName and workspacePath', () => {
  it.each([
    ['docs/JTBD-billing.md', 'jtbd'],
    ['docs/jobs-to-be-done.md', 'jtbd'],
    ['docs/constitution.md', 'constitution'],
    ['specs/001/spec.md', 'spec'],
    ['tasks/042-task.md', 'task'],
    ['docs/anything-else.md', 'prd'],
  ])('%s is read as %s', (path, kind) => {
    expect(kindFromName(path)).toBe(kind);
  });

  it.each([
    ['docs/a.md', 'docs/a.md'],
    ['./docs/../docs/a.md', 'docs/a.md'],
  ])('%s is %s in the workspace', (given, path) => {
    expect(workspacePath(memorySource({}, '/workspace'), given, '--inputs')).toBe(path);
  });

  it.each([['../outside.md'], ['/etc/passwd'], [''], ['a\0b']])('%j is refused, naming the option', (given) => {
    expect(() => workspacePath(memorySource({}, '/workspace'), given, '--inputs')).toThrow(/^Option --inputs: /);
  });
});
