import type { CodeSymbol } from '../code/types';
import type { RankedFile, RankedProject } from '../context/types';
import type { InputKind } from './template';
import type { ProjectFact, StackItem, TargetFact } from '../workspace/types';

/**
 * Everything a template can render, drafted from the inputs and the workspace. The offline drafter fills it
 * deterministically; templates (built-in or the workspace's own) lay it out. Nothing in it is invented: each
 * fact comes from an input (with its source line) or from the workspace.
 */
export interface PlanData {
  feature: { id: string; title: string; branch: string };
  created: string;
  drafter: string;
  project: ProjectView;
  inputs: Array<{ kind: InputKind; origin: string }>;
  /** One or two sentences from the inputs. */
  summary: string;
  problem: string;
  solution: string;
  goals: Sourced[];
  nonGoals: Sourced[];
  assumptions: Sourced[];
  openQuestions: Sourced[];
  successCriteria: Sourced[];
  requirements: Requirement[];
  /** Work items grouped by feature area, in the order the checklist template asks for. */
  areas: Area[];
  /** The same work items, numbered task-001..., in implementation order. */
  tasks: WorkItem[];
  architecture: Architecture;
  decisions: Decision[];
  testing: Testing;
  risks: Risk[];
  size: ChangeSize;
  phases: Phase[];
  /** Owners (CODEOWNERS / nx.json owners) of the paths the plan touches. */
  owners: Array<{ path: string; owners: string[] }>;
  /** Each constitution principle and how the plan meets it (speckit). */
  constitution: Array<{ title: string; text: string; howMet: string }>;
  /** The isolated task (task-blueprint). */
  task?: { title: string; text: string; origin: string };
  alternatives: Alternative[];
  /**
   * The contracts the change touches, as signatures: the existing ones it changes, from the code, and the new
   * ones it adds, proposed in the shape of the sibling they sit beside (`proposed` names that sibling).
   */
  contracts: Array<{ path: string; symbol: CodeSymbol; proposed?: string }>;
  edgeCases: Sourced[];
  /** Entities and shared types the change reads or extends. */
  dataModel: Array<{ path: string; symbol: CodeSymbol }>;
  /** Release-relevant targets (build, serve, e2e) of the touched projects. */
  release: Array<{ project: string; target: TargetFact }>;
}

/** A line taken from an input, with where it came from (`PRD.md:12`). */
export interface Sourced {
  text: string;
  source: string;
  /** The heading the line sits under, when it has one: "API (`apps/api`, orders feature)". */
  section?: string;
  /** Its number in a numbered list ("3." → 3): what a reader of the input calls it. */
  ordinal?: number;
  /** In a list nested `depth` deep in another's item (1: in a top-level item), its place there (from 1): it details that item. */
  depth?: number;
  sub?: number;
}

export type AreaId = 'backend' | 'frontend' | 'shared' | 'security' | 'testing';

export interface Requirement extends Sourced {
  id: string;
  kind: 'story' | 'requirement' | 'acceptance' | 'nonfunctional' | 'job';
  area: AreaId;
  /** It states behaviour the feature keeps as it is ("…, as today"): checked, not changed. */
  keeps?: boolean;
}

export interface WorkItem {
  id: string;
  /** Imperative, technical: "Add `exportCsv()` to `OrdersService` in `apps/api/...`". */
  title: string;
  area: AreaId;
  project: string;
  /** The files it changes or creates, best first. */
  files: string[];
  /** Those of `files` it creates. */
  creates?: string[];
  /** A new symbol it adds beside a sibling of the same shape. */
  adds?: { name: string; sibling: CodeSymbol };
  /** The requirement(s) it serves. */
  requirements: Requirement[];
  /** Checkable criteria, from the inputs' acceptance criteria where they match. */
  acceptance: string[];
  complexity: 'low' | 'medium' | 'high';
  complexityBasis: string;
  /** An existing signature to follow, from the code. */
  pattern?: { path: string; symbol: CodeSymbol };
  dependsOn: string[];
  owners: string[];
}

export interface Area {
  id: AreaId;
  title: string;
  items: WorkItem[];
}

export interface ProjectView extends Pick<ProjectFact, 'name' | 'root' | 'type' | 'tags' | 'importPath'> {
  targets: TargetFact[];
}

/** A project that depends on the affected one, with the declarations the plan changes that its code uses. */
export interface DependentView extends ProjectView {
  uses?: Array<{ name: string; path: string }>;
}

export interface Architecture {
  /** Projects the plan touches, the affected one first, with why. */
  touched: Array<RankedProject & { type: ProjectFact['type']; tags: string[]; side: AreaId }>;
  dependencies: ProjectView[];
  /** Those using what the plan changes first. */
  dependents: DependentView[];
  /** Module-boundary rules that apply to the touched projects, in words. */
  constraints: string[];
  stack: StackItem[];
  diagram: string;
  /** Files the change is about, with their key symbols. */
  components: Component[];
  /** Existing libraries worth reusing, and what they offer. */
  reuse: Array<{ project: string; importPath?: string; why: string; exports: string[] }>;
}

/**
 * A file the change is about. `why` names the work item that changes it by its id (`changed by task-002`), for a
 * template that shows the ids; `changedBy` is that id alone, for one that does not (a checklist).
 */
export type Component = RankedFile & { changedBy?: string };

export interface Decision {
  title: string;
  rationale: string;
}

export interface Testing {
  targets: Array<{ project: string; target: string; command: string; kind: TargetFact['kind'] }>;
  /** Existing spec files near the touched code. */
  specs: string[];
  unit: string[];
  integration: string[];
  e2e: string[];
  security: string[];
}

export interface Risk {
  risk: string;
  mitigation: string;
}

export interface ChangeSize {
  projects: number;
  files: number;
  publicApi: number;
  requirements: number;
  label: 'small' | 'medium' | 'large';
  /** Working-day range derived from the size, with the basis spelled out. */
  days: [number, number];
  basis: string;
}

export interface Phase {
  name: string;
  goal: string;
  items: WorkItem[];
  days: [number, number];
}

export interface Alternative {
  name: string;
  summary: string;
  pros: string[];
  cons: string[];
  selected: boolean;
}
