import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import type { LintResult } from '../lint-plan';
import { RULES } from '../rules';
import { formatResults } from '.';

// The SARIF 2.1.0 schema (a JSON Schema draft-04 document) as shipped by Microsoft's SARIF SDK on npm.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SARIF_SCHEMA = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

const RESULTS: LintResult[] = [
  {
    file: 'apps/api/product-development/checkout/plan.md',
    errorCount: 1,
    warningCount: 1,
    findings: [
      {
        ruleId: 'GP005',
        slug: 'file-exists',
        messageId: 'missing',
        severity: 'error',
        file: 'apps/api/product-development/checkout/plan.md',
        line: 12,
        column: 7,
        message: '"apps/api/src/x.ts" does not exist.',
        suggestion: 'apps/api/src/main.ts',
      },
      {
        ruleId: 'GP010',
        slug: 'markdown',
        messageId: 'markdownlint',
        severity: 'warning',
        file: 'apps/api/product-development/checkout/plan.md',
        line: 30,
        column: 1,
        message: 'MD012/no-multiple-blanks: Multiple consecutive blank lines',
      },
    ],
  },
  { file: 'libs/ui/product-development/a/plan.md', errorCount: 0, warningCount: 0, findings: [] },
];

describe('formatters', () => {
  it('stylish: findings under their file, aligned, with the suggestion and a total', () => {
    expect(formatResults(RESULTS, 'stylish', '0.1.0')).toBe(
      [
        'apps/api/product-development/checkout/plan.md',
        '  12:7  error    "apps/api/src/x.ts" does not exist. Did you mean "apps/api/src/main.ts"?  GP005/file-exists',
        '  30:1  warning  MD012/no-multiple-blanks: Multiple consecutive blank lines  GP010/markdown',
        '',
        '✖ 2 problems (1 error, 1 warning)',
        '',
      ].join('\n'),
    );
    expect(formatResults([RESULTS[1]], 'stylish', '0.1.0')).toBe('✔ 1 plan checked, no problems.\n');
  });

  it('json: totals and every result', () => {
    expect(JSON.parse(formatResults(RESULTS, 'json', '0.1.0'))).toEqual({ errorCount: 1, warningCount: 1, results: RESULTS });
  });

  it('info findings are shown, counted apart, and never warnings (SARIF: note)', () => {
    const info: LintResult = {
      file: 'apps/api/product-development/checkout/plan.md',
      errorCount: 0,
      warningCount: 0,
      findings: [
        {
          ruleId: 'GP012',
          slug: 'looks-done',
          messageId: 'looksDone',
          severity: 'info',
          file: 'apps/api/product-development/checkout/plan.md',
          line: 14,
          column: 1,
          message: 'Looks done. Tick it?',
        },
      ],
    };
    expect(formatResults([info], 'stylish', '0.1.0')).toBe(
      [
        'apps/api/product-development/checkout/plan.md',
        '  14:1  info  Looks done. Tick it?  GP012/looks-done',
        '',
        '✔ 1 plan checked, no problems (1 info)',
        '',
      ].join('\n'),
    );
    expect(formatResults([...RESULTS, info], 'stylish', '0.1.0')).toMatch(/✖ 2 problems \(1 error, 1 warning, 1 info\)\n$/);
    const sarif = JSON.parse(formatResults([info], 'sarif', '0.1.0')) as Log;
    expect(sarif.runs[0].results![0]).toMatchObject({ ruleId: 'GP012', level: 'note' });
  });

  describe('sarif', () => {
    const sarif = JSON.parse(formatResults(RESULTS, 'sarif', '0.1.0')) as Log;

    // The schema's language pattern is not valid as a Unicode regular expression; strict mode would
    // also reject its draft-04 idioms. Neither weakens the check of a log against it.
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }));
    const validate = ajv.compile(SARIF_SCHEMA);

    it('validates against the SARIF 2.1.0 schema', () => {
      expect(validate(sarif) ? [] : validate.errors).toEqual([]);
    });

    it('fails the schema when a result is malformed (the check is real)', () => {
      const broken = structuredClone(sarif);
      (broken.runs[0].results![0].locations![0].physicalLocation!.region as { startLine: number }).startLine = 0;
      expect(validate(broken)).toBe(false);
    });

    it('describes every rule and points each result at its rule, file, line and column', () => {
      const run = sarif.runs[0];
      expect(run.tool.driver).toMatchObject({ name: 'groundplan', semanticVersion: '0.1.0' });
      expect(run.tool.driver.rules!.map((rule) => [rule.id, rule.name, rule.defaultConfiguration!.level])).toEqual(
        RULES.map((rule) => [rule.id, rule.slug, rule.defaultSeverity === 'info' ? 'note' : rule.defaultSeverity]),
      );
      expect(run.results![0]).toEqual({
        ruleId: 'GP005',
        ruleIndex: 5,
        level: 'error',
        message: { text: '"apps/api/src/x.ts" does not exist. Did you mean "apps/api/src/main.ts"?' },
        locations: [
          { physicalLocation: { artifactLocation: { uri: 'apps/api/product-development/checkout/plan.md' }, region: { startLine: 12, startColumn: 7 } } },
        ],
        properties: { suggestion: 'apps/api/src/main.ts' },
      });
      expect(run.results![1]).toMatchObject({ ruleId: 'GP010', ruleIndex: 10, level: 'warning' });
    });

    it("takes each rule's descriptions and help link from the rule's metadata", () => {
      const gp001 = sarif.runs[0].tool.driver.rules![1];
      expect(gp001.shortDescription!.text).toBe("The template's sections exist, in order, at their heading level, and are not empty.");
      expect(gp001.fullDescription!.text).toBe(RULES[1].description);
      expect(gp001.helpUri).toBe('https://unpkg.com/@groundplan/nx@0.1.0/docs/rules.md');
    });
  });
});
