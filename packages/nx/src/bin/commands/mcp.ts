import { Writable } from 'node:stream';
import { packageVersion } from '../../utils/package-version';
import { openWorkspace } from '../../session/open-workspace';
import { parseCommandArgs, UsageError, type Command } from '../command';

const USAGE = `Usage: groundplan mcp

Serves Groundplan to coding agents over MCP on stdio: the tools groundplan_context, groundplan_plan_brief,
groundplan_lint_plan and groundplan_write_plan, and one prompt per plan template (plan-checklist, ...).
Start it inside the workspace; register it with \`nx g @groundplan/nx:init --agents claude,cursor,vscode\`.
Stdout carries only the protocol; logs go to stderr.`;

export const mcpCommand: Command = {
  name: 'mcp',
  summary: 'serve the context, the plan brief, lint and write to coding agents (MCP over stdio)',
  usage: USAGE,
  async run(argv, io) {
    const { positionals } = parseCommandArgs(argv, {});
    if (positionals.length > 0) throw new UsageError(`takes no arguments, got ${positionals.join(' ')}.`);
    const protocol = claimStdout();
    const workspace = openWorkspace(io.cwd, { env: io.env });
    /* eslint-disable @typescript-eslint/no-require-imports -- the SDK loads only for this command */
    const { createMcpServer } = require('../../mcp/server') as typeof import('../../mcp/server');
    const { StdioServerTransport } = require('@modelcontextprotocol/sdk/server/stdio.js') as typeof import('@modelcontextprotocol/sdk/server/stdio.js');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const server = createMcpServer(workspace, packageVersion());
    const closed = new Promise<void>((resolve) => (server.server.onclose = resolve));
    // The client closing our stdin is the end of the session.
    process.stdin.once('end', () => void server.close());
    await server.connect(new StdioServerTransport(process.stdin, protocol));
    io.stderr(`groundplan mcp: serving ${workspace.root} on stdio\n`);
    await closed;
    return 0;
  },
};

/**
 * Stdout is the protocol's alone: anything else written there (a library's console.log, Nx's logger) would
 * corrupt the stream, so it is sent to stderr, and the transport writes through the original stdout.
 */
function claimStdout(): Writable {
  const write = process.stdout.write.bind(process.stdout) as (chunk: unknown, encoding: BufferEncoding, callback: (error?: Error | null) => void) => boolean;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  return new Writable({ write: (chunk, encoding, callback) => write(chunk, encoding, callback) });
}
