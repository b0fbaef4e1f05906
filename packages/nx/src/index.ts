/**
 * What Nx loads from the package on every project graph computation: the createNodes of the inferred lint-plan
 * target, and nothing heavier. lint-plan's engine is `@groundplan/nx/dist/lint` (its executor, `groundplan lint`).
 */
export { createNodes, createNodesV2 } from './plugin';
