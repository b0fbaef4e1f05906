import { extractInputFacts } from './extract-inputs';

describe('extractInputFacts: list items', () => {
  it("reads an item's own paragraphs as its text, and the items of a list nested in it as details numbered within it", async () => {
    const text = [
      '# PRD: Orders export',
      '',
      '## Functional requirements',
      '',
      '1. The orders controller must export orders as CSV.',
      '2. The file is built as follows:',
      '   - One row per order line.',
      '   - A header row with the column names.',
      '',
      '   Dates are written in ISO 8601.',
      '3. The export must keep the list filters.',
    ].join('\n');
    const { requirements } = await extractInputFacts([{ kind: 'prd', origin: 'PRD.md', text, hash: 'h' }]);
    expect(requirements.map(({ text, ordinal, depth, sub }) => ({ text, ordinal, depth, sub }))).toEqual([
      { text: 'The orders controller must export orders as CSV.', ordinal: 1, depth: undefined, sub: undefined },
      { text: 'The file is built as follows: Dates are written in ISO 8601.', ordinal: 2, depth: undefined, sub: undefined },
      { text: 'One row per order line.', ordinal: undefined, depth: 1, sub: 1 },
      { text: 'A header row with the column names.', ordinal: undefined, depth: 1, sub: 2 },
      { text: 'The export must keep the list filters.', ordinal: 3, depth: undefined, sub: undefined },
    ]);
  });
});
