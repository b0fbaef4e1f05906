import { contentHash } from '../../plan-file/frontmatter';
import type { Rule, RuleReport } from '../types';

export const staleReferences: Rule = {
  id: 'GP009',
  slug: 'stale-references',
  description: 'Files the plan references have not changed since it was written (hashes in its frontmatter).',
  defaultSeverity: 'warning',
  check(plan, workspace) {
    const recorded = plan.frontmatter?.provenance?.references;
    if (!recorded || typeof recorded !== 'object') return [];
    const reports: RuleReport[] = [];
    for (const [path, hash] of Object.entries(recorded)) {
      const where = plan.frontmatter!.referenceLines.get(path) ?? { line: plan.frontmatter!.line, column: 1 };
      const content = workspace.source.read(path);
      if (content === undefined) {
        reports.push({ ...where, message: `"${path}" was removed after the plan was written: revise the steps that use it.` });
      } else if (contentHash(content) !== hash) {
        reports.push({
          ...where,
          message: `"${path}" changed after the plan was written (${hash} → ${contentHash(content)}): check the steps that use it still hold, then record the new hash.`,
        });
      }
    }
    return reports;
  },
};
