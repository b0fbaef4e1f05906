import { renderProvenance, type PlanProvenance } from '../../plan-file/frontmatter';
import { contentHash } from '../../utils/content-hash';
import { gitHead } from '../../lint/git-diff';
import { extractReferences } from '../../plan-file/parse-plan';
import { renderTemplate } from '../../templates/render-template';
import type { FileSource } from '../../utils/file-source';
import type { PlanData } from '../../templates/plan-data';
import { buildPlanData, type OfflineDraftRequest } from './build-plan-data';

/** The offline drafter's plan: the file text, the plan data it renders and the provenance it records. */
export interface OfflineDraft {
  /** The whole plan file: provenance frontmatter + Markdown body. */
  text: string;
  data: PlanData;
  provenance: PlanProvenance;
}

/** The offline drafter: inputs + workspace → a complete plan, with no network and no key. */
export async function draftOffline(request: OfflineDraftRequest, source: FileSource): Promise<OfflineDraft> {
  const data = await buildPlanData(request, source);
  const body = renderTemplate(request.template, data);
  const provenance = await provenanceFor(request, body, source);
  return { text: renderProvenance(provenance) + '\n' + body, data, provenance };
}

/** What the plan was made from, and the hash of every existing file it names, for staleness checks. */
export async function provenanceFor(
  request: Pick<OfflineDraftRequest, 'template' | 'inputs' | 'context' | 'feature' | 'drafter' | 'now'>,
  body: string,
  source: FileSource,
): Promise<PlanProvenance> {
  const references: Record<string, string> = {};
  for (const reference of (await extractReferences(body)).paths) {
    const content = !reference.isNew && !(reference.path in references) ? source.read(reference.path) : undefined;
    if (content) references[reference.path] = contentHash(content);
  }
  const base = await gitHead(source.root);
  return {
    template: request.template.id,
    project: request.context.affected.name,
    feature: request.feature,
    drafter: request.drafter,
    created: request.now,
    ...(base ? { base } : {}),
    inputs: Object.fromEntries(request.inputs.map((input) => [input.origin, input.hash])),
    references,
  };
}
