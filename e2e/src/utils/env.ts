import { delimiter, join, sep } from 'node:path';

/** The repository root: e2e/src/utils → ../../.. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');

/** What npm, Nx and Jest add to the environment for their own run, and what would switch the drafter. */
const RUN_VARIABLES = /^(npm_|NX_|ANTHROPIC_|GROUNDPLAN_|JEST_WORKER_ID$)/i;

/**
 * The environment of a user's shell in a fresh workspace: this process's, less the variables that the run
 * that started the tests set (an outer Nx task's NX_* would point the workspace's Nx at this repo) and less
 * this repo's node_modules/.bin on PATH, so nothing resolves from here by accident. No Nx daemon, so the
 * tests leave no process behind; CI=true, so nothing prompts; no colours, so output can be matched.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !RUN_VARIABLES.test(name)));
  const path = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== REPO_ROOT && !dir.startsWith(REPO_ROOT + sep))
    .join(delimiter);
  return { ...env, PATH: path, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1', ...extra };
}
