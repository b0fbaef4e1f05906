import type { ChangeHistory } from '../code/change-history';
import { buildContext } from '../context/build-context';
import type { ContextPack } from '../context/types';
import type { CodeIndex } from '../code/types';
import { join } from 'node:path';
import { checkInputsCover, featureDir, findInputs, InputError, type FeatureInput } from '../inputs/feature-inputs';
import type { InputKind, PlanTemplate } from '../templates/template';
import { closestNames } from '../utils/closest';
import type { FileSource } from '../utils/file-source';
import type { WorkspaceFacts } from '../workspace/types';

/** What the user asked a plan for: the plan generator's and `groundplan prompt`'s options, checked. */
export interface PlanSubject {
  project?: string;
  feature: string;
  template: PlanTemplate;
  /** Explicit input files; they replace the search of the feature folder. */
  files?: string[];
  description?: string;
  task?: { origin: string; text: string };
  budget: number;
}

export interface PreparedPlan {
  project: string;
  inputs: FeatureInput[];
  /** The text the context was ranked against. */
  query: string;
  context: ContextPack;
  /** When no project was named: the ranking that picked it, for saying why and naming the runners-up. */
  ranking?: ContextPack;
  /** Kinds the template reads that were not found: the plan is drafted without them. */
  missingReads: InputKind[];
}

/**
 * The steps every drafter starts from: find the affected project (named, or the best-ranked against the text
 * the user gave), read its feature's inputs, check they cover the template, and build the ranked context.
 */
export async function preparePlan(
  subject: PlanSubject,
  workspace: { facts: WorkspaceFacts; source: FileSource; index: CodeIndex; history?: ChangeHistory },
): Promise<PreparedPlan> {
  const { facts, source, index, history } = workspace;
  const given = { feature: subject.feature, files: subject.files, description: subject.description, task: subject.task };
  let ranking: ContextPack | undefined;
  let project = subject.project;
  if (project === undefined) {
    if (!subject.description && !subject.task && !subject.files) {
      throw new InputError('No project given: pass one, or give a description, a task file or input files so Groundplan can find the affected project.');
    }
    ranking = await buildContext({
      facts,
      source,
      index,
      history,
      query: queryText(findInputs(source, { ...given, projectRoot: '' }).inputs),
      budget: subject.budget,
    });
    project = ranking.affected.name;
  }
  const found = findInputs(source, { ...given, projectRoot: requireProject(facts.projects, project).root });
  checkInputsCover(found, subject.template.inputs.anyOf, subject.template.id);
  const query = queryText(found.inputs);
  // A project Groundplan picked is not one the user named: ranking again as if it were would favour its files
  // over the evidence that picked it. With nothing more to read in its feature folder, the ranking is the context.
  const context =
    ranking && ranking.affected.name === project && queryText(findInputs(source, { ...given, projectRoot: '' }).inputs) === query
      ? ranking
      : await buildContext({ facts, source, index, history, query, project, budget: subject.budget });
  const present = new Set(found.inputs.map((input) => input.kind));
  const missingReads = subject.template.inputs.reads.filter((kind) => !present.has(kind) && kind !== 'description' && kind !== 'task');
  return { project, inputs: found.inputs, query, context, ranking, missingReads };
}

/**
 * What decides the file a plan is written to, and nothing more: the named project, the feature's inputs found
 * and checked against the template. A dry run (what Nx Console runs as a form changes) stops here, with the
 * same errors a real run gives and without ranking or drafting anything.
 */
/** A plan already there may hold the user's edits: it is replaced only when asked (`forceOption`). */
export function refuseOverwrite(path: string, exists: boolean, force: boolean, forceOption: string): void {
  if (exists && !force)
    throw new InputError(`${path} already exists and may hold your edits. Re-run with ${forceOption} to overwrite it, or choose another feature.`);
}

export function planLocation(
  subject: PlanSubject & { project: string },
  workspace: { projects: Record<string, { root: string }>; source: FileSource },
): string {
  const root = requireProject(workspace.projects, subject.project).root;
  const found = findInputs(workspace.source, {
    feature: subject.feature,
    files: subject.files,
    description: subject.description,
    task: subject.task,
    projectRoot: root,
  });
  checkInputsCover(found, subject.template.inputs.anyOf, subject.template.id);
  return join(featureDir(root, subject.feature), subject.template.output);
}

function requireProject<P>(projects: Record<string, P>, name: string): P {
  const project = projects[name];
  if (project) return project;
  const suggestions = closestNames(name, Object.keys(projects), 3);
  throw new InputError(
    `Unknown project "${name}".${suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ''} Run \`nx show projects\` to list them.`,
  );
}

/** The text the context is ranked against: every input but the constitution, which is about principles, not code. */
function queryText(inputs: FeatureInput[]): string {
  return inputs
    .filter((input) => input.kind !== 'constitution')
    .map((input) => input.text)
    .join('\n\n');
}
