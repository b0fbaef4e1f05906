import { lintFailed, lintPlan } from './lint-plan';
import { LintConfigError } from './severity';
import { planText, shopWorkspace, TEMPLATES, VALID_BODY } from './test-utils/fixture-workspace';

const options = { workspace: shopWorkspace(), templates: TEMPLATES, file: 'apps/api/product-development/checkout/plan.md' };

describe('lintPlan', () => {
  it('passes a grounded plan that follows its template', async () => {
    const result = await lintPlan(planText(VALID_BODY), options);
    expect(result.findings).toEqual([]);
    expect(lintFailed([result])).toBe(false);
  });

  it('reports each finding with rule, severity, file, place and suggestion, in document order', async () => {
    const text = planText(VALID_BODY.replace('orders.controller.ts', 'order.controller.ts').replace('Let customers', 'In 2 weeks, let customers'));
    const result = await lintPlan(text, options);
    expect(result.findings).toEqual([
      {
        ruleId: 'GP004',
        slug: 'forbidden-content',
        messageId: 'forbidden',
        severity: 'error',
        file: options.file,
        line: 11,
        column: 4,
        message: 'Template "checklist" forbids time estimates: "2 weeks".',
      },
      {
        ruleId: 'GP005',
        slug: 'file-exists',
        messageId: 'missing',
        severity: 'error',
        file: options.file,
        line: 15,
        column: 67,
        message: expect.stringMatching(/^"apps\/api\/src\/app\/orders\/order.controller.ts" does not exist/),
        suggestion: 'apps/api/src/app/orders/orders.controller.ts',
      },
    ]);
    expect(result).toMatchObject({ errorCount: 2, warningCount: 0 });
  });

  it('applies severity overrides by id or slug, later layers winning', async () => {
    const text = planText(VALID_BODY.replace('Let customers', 'In 2 weeks, let customers'));
    const warned = await lintPlan(text, { ...options, rules: [{ GP004: 'off' }, { 'forbidden-content': 'warn' }] });
    expect(warned.findings.map((f) => [f.ruleId, f.severity])).toEqual([['GP004', 'warning']]);
    expect(lintFailed([warned])).toBe(false);
    expect(lintFailed([warned], { strict: true })).toBe(true);
    expect(lintFailed([warned], { maxWarnings: 0 })).toBe(true);
    expect(lintFailed([warned], { maxWarnings: 1 })).toBe(false);
    const off = await lintPlan(text, { ...options, rules: [{ GP004: 'off' }] });
    expect(off.findings).toEqual([]);
  });

  it('rejects an unknown rule or severity with a clear error', async () => {
    await expect(lintPlan('x', { ...options, rules: [{ GP099: 'off' }] })).rejects.toThrow(
      /^Unknown lint-plan rule "GP099" in the rules option\. Rules: GP000 \(plan-file\), GP001/,
    );
    await expect(lintPlan('x', { ...options, rules: [{ GP099: 'off' }] })).rejects.toBeInstanceOf(LintConfigError);
    await expect(lintPlan('x', { ...options, rules: [{ GP001: 'loud' as 'off' }] })).rejects.toThrow(
      /severity "loud": use "error", "warning", "info" or "off"/,
    );
  });

  it.each([
    ['a range for one rule', '<!-- groundplan-disable GP004 -->\nIt takes 2 weeks.\n<!-- groundplan-enable GP004 -->\n\nIt takes 3 weeks.', ['3 weeks']],
    ['a range by slug, never re-enabled', '<!-- groundplan-disable forbidden-content -->\nIt takes 2 weeks.\n\nIt takes 3 weeks.', []],
    ['the next line', '<!-- groundplan-disable-next-line GP004 -->\nIt takes 2 weeks.\n\nIt takes 3 weeks.', ['3 weeks']],
    ['the same line', 'It takes 2 weeks. <!-- groundplan-disable-line -->\n\nIt takes 3 weeks.', ['3 weeks']],
    ['another rule only', '<!-- groundplan-disable GP005 -->\nIt takes 2 weeks.', ['2 weeks']],
  ])('honours disable comments: %s', async (_name, extra, expected) => {
    const result = await lintPlan(planText(`${VALID_BODY}\n${extra}`), options);
    expect(result.findings.filter((f) => f.ruleId === 'GP004').map((f) => /: "(.*)"\.$/.exec(f.message)![1])).toEqual(expected);
  });

  it('lints an empty file for emptiness only', async () => {
    const result = await lintPlan('\n', options);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['GP000']);
  });

  it('lints a plan without frontmatter against the template given for the run', async () => {
    const withoutTemplate = await lintPlan(VALID_BODY, options);
    expect(withoutTemplate.findings.map((f) => f.ruleId)).toEqual(['GP000']);
    const withTemplate = await lintPlan(VALID_BODY.replace('## Feature Summary', '## Summary'), { ...options, template: 'checklist' });
    expect(withTemplate.findings.map((f) => [f.ruleId, f.message])).toEqual([['GP001', 'Missing section "## Feature Summary" (template "checklist").']]);
  });

  it('labels a plan that is not a file yet', async () => {
    const result = await lintPlan(planText(VALID_BODY.replace('apps/api/src/main.ts', 'x')).replace('## Feature Summary', '## Summary'), {
      workspace: options.workspace,
      templates: TEMPLATES,
    });
    expect(result.file).toBe('<plan>');
    expect(result.findings[0]).toMatchObject({ file: '<plan>', ruleId: 'GP001' });
  });
});
