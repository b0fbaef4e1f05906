import { loadBuiltInTemplates } from '../../templates/load-templates';
import { ModelDraftError } from './errors';
import { extractPlan } from './answer';

const checklist = loadBuiltInTemplates().get('checklist')!;
const answerWith = (headings: string[]) => headings.map((heading) => `## ${heading}\n\nText.\n`).join('\n');

describe('extractPlan: the answer is a plan when GP001 would find its sections', () => {
  it.each([
    [
      'as the template writes them',
      ['Feature Summary', 'Architecture Overview', 'Key Technical Decisions', 'Dependencies & Assumptions', 'Implementation Checklist'],
    ],
    [
      'numbered',
      ['1. Feature Summary', '2. Architecture Overview', '3. Key Technical Decisions', '4. Dependencies & Assumptions', '5. Implementation Checklist'],
    ],
    [
      'with "and" for "&" and a trailing colon',
      ['Feature summary:', 'Architecture overview', 'Key technical decisions', 'Dependencies and Assumptions', 'Implementation Checklist (by area)'],
    ],
  ])('accepts headings %s', async (_shape, headings) => {
    await expect(extractPlan(answerWith(headings), checklist)).resolves.toContain(`## ${headings[0]}`);
  });

  it('rejects an answer with most sections missing as not-a-plan', async () => {
    await expect(extractPlan(answerWith(['1. Feature Summary', 'Notes']), checklist)).rejects.toMatchObject({
      kind: 'not-a-plan',
    } satisfies Partial<ModelDraftError>);
  });
});
