#!/usr/bin/env node
// Rewrites the rule docs' generated blocks (docs/rules.md, the READMEs) from the rules' metadata, in the built
// package: run `npm run docs` (which builds first). rule-docs.spec.ts fails while a block is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const repoRoot = new URL('../../../', import.meta.url);
const { generatedDocs } = createRequire(import.meta.url)('../dist/lint/rule-docs.js');
for (const { file, text } of generatedDocs((path) => readFileSync(new URL(path, repoRoot), 'utf8'))) {
  writeFileSync(new URL(file, repoRoot), text);
  console.log(`rule-docs: ${file}`);
}
