/**
 * Jest's global setup and teardown: the tests' temporary workspaces, git repositories and Nx's own caches go
 * under one folder per run (TMPDIR, which os.tmpdir() and the child processes read), removed when the run ends,
 * so that running the tests leaves nothing behind in the system's temporary folder.
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const KEY = 'GROUNDPLAN_TEST_TMPDIR';

module.exports = async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'groundplan-jest-'));
  process.env[KEY] = dir;
  process.env.TMPDIR = dir;
};

module.exports.teardown = async function teardown() {
  const dir = process.env[KEY];
  if (dir) rmSync(dir, { recursive: true, force: true });
};
