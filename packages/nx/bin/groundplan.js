#!/usr/bin/env node
// The `groundplan` command. A committed file, not dist/'s: npm links a package's bin only when the file exists at
// install, and in this repository dist/ is built after `npm ci`.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'dist', 'bin', 'groundplan.js');
if (!existsSync(built)) {
  process.stderr.write('groundplan: the plugin is not built yet; run `npx nx run groundplan-nx:build` first.\n');
  process.exit(1);
}
require(built);
