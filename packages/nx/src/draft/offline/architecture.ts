import type { ContextPack } from '../../context/types';
import type { DepConstraint, ProjectFact, WorkspaceFacts } from '../../workspace/types';
import type { Architecture, Decision, ProjectView, Risk, WorkItem } from '../plan-model';
import { projectSide } from './classify';

export function projectView(project: ProjectFact): ProjectView {
  const { name, root, type, tags, importPath, targets } = project;
  return { name, root, type, tags, importPath, targets };
}

/** The architecture the plan works in: what it touches, what surrounds it, the rules and the stack. */
export function describeArchitecture(items: WorkItem[], facts: WorkspaceFacts, context: ContextPack): Architecture {
  const affected = facts.projects[context.affected.name];
  const touchedNames = [affected.name, ...new Set(items.map((i) => i.project))].filter((n, i, all) => all.indexOf(n) === i && facts.projects[n]);
  const ranked = new Map(context.projects.map((p) => [p.name, p]));
  const touched = touchedNames.map((name) => {
    const project = facts.projects[name];
    const rank = ranked.get(name) ?? { name, root: project.root, score: 0, why: 'holds work items of this plan' };
    return { ...rank, type: project.type, tags: project.tags, side: projectSide(project) };
  });
  return {
    touched,
    dependencies: affected.dependencies.map((n) => projectView(facts.projects[n])),
    dependents: affected.dependents.map((n) => projectView(facts.projects[n])),
    constraints: touchedNames.flatMap((n) => applicableConstraints(facts.projects[n], facts.boundaries.constraints)).filter((c, i, all) => all.indexOf(c) === i),
    stack: facts.stack,
    diagram: context.diagram,
    components: context.files.filter((f) => f.role !== 'test'),
    reuse: reusableLibraries(touchedNames, facts, context),
  };
}

/** The `@nx/enforce-module-boundaries` rules whose source tags a touched project carries, as one line. */
function applicableConstraints(project: ProjectFact, constraints: DepConstraint[]): string[] {
  const rules = constraints
    .filter((c) => (c.sourceTag && (c.sourceTag === '*' || project.tags.includes(c.sourceTag))) || c.allSourceTags?.every((t) => project.tags.includes(t)))
    .flatMap((c) => {
      const source = `\`${c.sourceTag ?? c.allSourceTags!.join(' + ')}\``;
      return [
        c.onlyDependOnLibsWithTags?.length ? `as ${source} only on ${c.onlyDependOnLibsWithTags.map((t) => `\`${t}\``).join(', ')}` : '',
        c.notDependOnLibsWithTags?.length ? `as ${source} never on ${c.notDependOnLibsWithTags.map((t) => `\`${t}\``).join(', ')}` : '',
      ].filter(Boolean);
    });
  return rules.length ? [`\`${project.name}\` may depend ${rules.join('; ')}`] : [];
}

/** Libraries the touched projects already depend on (or that rank high) and that the plan does not change. */
function reusableLibraries(touched: string[], facts: WorkspaceFacts, context: ContextPack): Architecture['reuse'] {
  const candidates = new Set([...touched.flatMap((n) => facts.projects[n].dependencies), ...context.projects.map((p) => p.name)]);
  return [...candidates]
    .map((name) => facts.projects[name])
    .filter((p) => p && p.type === 'library' && !touched.includes(p.name))
    .map((p) => {
      const exports = context.files.filter((f) => f.project === p.name).flatMap((f) => f.symbols.filter((s) => s.exported).map((s) => s.name));
      const users = touched.filter((n) => facts.projects[n].dependencies.includes(p.name));
      const why = users.length ? `already a dependency of ${users.map((u) => `\`${u}\``).join(', ')}` : `ranked relevant: ${context.projects.find((r) => r.name === p.name)?.why ?? 'matches the inputs'}`;
      return { project: p.name, importPath: p.importPath, why, exports: [...new Set(exports)].slice(0, 6) };
    })
    .slice(0, 5);
}

/** Decisions that follow from the workspace: where the code goes, what is reused, which rules bind. */
export function technicalDecisions(architecture: Architecture, items: WorkItem[], facts: WorkspaceFacts): Decision[] {
  const decisions: Decision[] = [];
  const affected = architecture.touched[0];
  const existing = items.filter((i) => i.files.length > 0);
  if (existing.length > 0) {
    const files = [...new Set(existing.map((i) => i.files[0]))].slice(0, 3).map((f) => `\`${f}\``);
    decisions.push({
      title: `Extend the existing code in \`${affected.name}\` rather than add a new project`,
      rationale: `${existing.length} of ${items.length} work items map onto existing files (${files.join(', ')}), so the feature follows the patterns already there.`,
    });
  }
  const created = items.filter((i) => i.files.length === 0);
  if (created.length > 0) {
    decisions.push({
      title: 'Add new modules inside existing projects',
      rationale: `${created.length} work item(s) have no existing file to extend; they are placed under the source root of the project on their side of the system, so no new project or boundary rule is needed.`,
    });
  }
  for (const lib of architecture.reuse.slice(0, 3)) {
    decisions.push({
      title: `Reuse \`${lib.importPath ?? lib.project}\``,
      rationale: `${lib.why}${lib.exports.length ? `; it exports ${lib.exports.map((e) => `\`${e}\``).join(', ')}` : ''}.`,
    });
  }
  if (architecture.constraints.length > 0 && facts.boundaries.source) {
    decisions.push({
      title: 'Keep within the module boundaries',
      rationale: `\`${facts.boundaries.source}\` enforces tag rules on the touched projects; new imports go only where those rules allow (see Architecture Overview).`,
    });
  }
  return decisions;
}

/** Risks the workspace shows: wide blast radius, boundary pressure, new code without a pattern. */
export function workspaceRisks(architecture: Architecture, items: WorkItem[], facts: WorkspaceFacts): Risk[] {
  const risks: Risk[] = [];
  for (const touched of architecture.touched) {
    const dependents = facts.projects[touched.name].dependents;
    if (touched.type === 'library' && dependents.length > 0) {
      risks.push({
        risk: `Changing \`${touched.name}\` affects its ${dependents.length} dependent project(s): ${dependents.map((d) => `\`${d}\``).join(', ')}.`,
        mitigation: `Keep its exported API backward compatible and run \`nx affected -t test\` before merging.`,
      });
    }
  }
  const sides = new Set(architecture.touched.map((t) => t.side));
  if (sides.has('frontend') && sides.has('backend')) {
    risks.push({
      risk: 'The backend and frontend change together; a contract mismatch breaks the flow at runtime.',
      mitigation: 'Define the shared request/response types first and have both sides import them.',
    });
  }
  const created = items.filter((i) => i.files.length === 0).length;
  if (created > 0) {
    risks.push({ risk: `${created} work item(s) start from new files with no existing pattern to follow.`, mitigation: 'Review their structure early against the nearest existing module.' });
  }
  return risks;
}
