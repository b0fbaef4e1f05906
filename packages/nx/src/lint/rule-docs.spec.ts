import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedDocs, withGeneratedBlock } from './rule-docs';

const REPO_ROOT = join(__dirname, '../../../..');
const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

describe('rule docs', () => {
  it.each(generatedDocs(read).map(({ file, text }) => [file, text]))('%s says what the rules say (run `npm run docs` to update it)', (file, text) => {
    expect(read(file)).toBe(text);
  });

  it('lists every rule with its id, slug and default severity', () => {
    const table = read('packages/nx/docs/rules.md');
    expect(table).toMatch(/^\| GP001 \| required-sections \| error \| The template's sections exist/m);
    expect(table).toMatch(/^\| GP012 \| looks-done \| info \| /m);
  });

  it('refuses a file without the markers', () => {
    expect(() => withGeneratedBlock('# Rules\n', 'rule-table', 'x')).toThrow(/Missing the <!-- rule-table/);
  });
});
