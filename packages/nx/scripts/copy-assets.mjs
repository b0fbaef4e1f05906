// tsc emits only .js/.d.ts; the Nx schemas (schema.json) must sit next to the compiled generators and executors.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = new URL('../src', import.meta.url).pathname;
const dist = new URL('../dist', import.meta.url).pathname;

function copyJson(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) copyJson(path);
    else if (entry.endsWith('.json')) cpSync(path, join(dist, relative(src, path)));
  }
}
copyJson(src);
