#!/usr/bin/env node
import type { Command } from './command';
import { contextCommand } from './commands/context';
import { lintCommand } from './commands/lint';
import { mcpCommand } from './commands/mcp';
import { planCommand } from './commands/plan';
import { promptCommand } from './commands/prompt';
import { statusCommand } from './commands/status';
import { runCli } from './run-cli';

/** Sub-commands register here; each lives in ./commands/<name>.ts. */
const commands: Command[] = [planCommand, contextCommand, promptCommand, lintCommand, statusCommand, mcpCommand];

runCli(commands, process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
