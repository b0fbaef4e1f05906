// node --test scripts/: the demo works every time, also once the example workspace holds a plan (a user tried
// `nx g plan` in examples/shop): it drafts in a fresh copy, without the plans it would otherwise refuse to overwrite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = new URL('..', import.meta.url).pathname;

test('npm run demo drafts and lints the plan even when the workspace already holds one', { timeout: 300_000 }, () => {
  const source = mkdtempSync(join(tmpdir(), 'groundplan-demo-source-'));
  try {
    cpSync(join(repo, 'examples', 'shop'), source, { recursive: true });
    writeFileSync(join(source, 'apps/api/product-development/current-feature/plan.md'), '# A plan a user drafted earlier\n');
    const output = execFileSync('node', [join(repo, 'scripts', 'demo.mjs')], {
      env: { ...process.env, GP_DEMO_SOURCE: source },
      encoding: 'utf8',
      stdio: 'pipe',
    });
    assert.match(output, /Plan written: tmp\/demo-shop\/apps\/api\/product-development\/current-feature\/plan\.md/);
    assert.match(output, /lint passed \(second run from Nx cache\)/);
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
});
