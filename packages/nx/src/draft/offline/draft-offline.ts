import { contentHash, renderProvenance, type PlanProvenance } from '../../plan-file/frontmatter';
import { renderTemplate } from '../../templates/render-template';
import type { FileSource } from '../../utils/file-source';
import type { PlanModel } from '../plan-model';
import { buildPlanModel, type OfflineDraftRequest } from './build-plan-model';

export interface Draft {
  /** The whole plan file: provenance frontmatter + Markdown body. */
  text: string;
  model: PlanModel;
  provenance: PlanProvenance;
}

/** The offline drafter: inputs + workspace → a complete plan, with no network and no key. */
export async function draftOffline(request: OfflineDraftRequest, source: FileSource): Promise<Draft> {
  const model = await buildPlanModel(request);
  const body = renderTemplate(request.template, model);
  const provenance = provenanceFor(request, body, source);
  return { text: renderProvenance(provenance) + '\n' + body, model, provenance };
}

/** What the plan was made from, and the hash of every existing file it names, for staleness checks. */
export function provenanceFor(request: Pick<OfflineDraftRequest, 'template' | 'inputs' | 'context' | 'feature' | 'drafter' | 'now'>, body: string, source: FileSource): PlanProvenance {
  const references: Record<string, string> = {};
  for (const path of referencedPaths(body)) {
    const content = source.read(path);
    if (content) references[path] = contentHash(content);
  }
  return {
    template: request.template.id,
    project: request.context.affected.name,
    feature: request.feature,
    drafter: request.drafter,
    created: request.now,
    inputs: Object.fromEntries(request.inputs.map((input) => [input.origin, input.hash])),
    references,
  };
}

/** Backticked workspace paths (`apps/api/src/main.ts`), in order of first mention. */
function referencedPaths(markdown: string): string[] {
  const paths = [...markdown.matchAll(/`([\w@.-]+(?:\/[\w@.-]+)+\.\w+)`/g)].map((m) => m[1]);
  return [...new Set(paths)];
}
