import { readJson, writeJson, type Tree } from '@nx/devkit';

/** The server entry every agent gets: the workspace's own installed bin, through npx. */
const SERVER = { command: 'npx', args: ['groundplan', 'mcp'] };
const SERVER_NAME = 'groundplan';

/** Where each agent reads a project's MCP servers, and under which key. */
const AGENTS = {
  claude: { file: '.mcp.json', key: 'mcpServers', entry: { type: 'stdio', ...SERVER } },
  cursor: { file: '.cursor/mcp.json', key: 'mcpServers', entry: SERVER },
  vscode: { file: '.vscode/mcp.json', key: 'servers', entry: { type: 'stdio', ...SERVER } },
} as const;

export type Agent = keyof typeof AGENTS;

export class AgentsOptionError extends Error {}

/** `--agents claude,cursor` (or an array, from the API): known agent names, each once. */
export function parseAgents(option: string | string[] | undefined): Agent[] {
  const names = (Array.isArray(option) ? option : (option ?? '').split(',')).map((name) => String(name).trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !(name in AGENTS));
  if (unknown.length > 0) {
    throw new AgentsOptionError(
      `Option --agents: unknown agent ${unknown.map((name) => `"${name}"`).join(', ')}; use ${Object.keys(AGENTS).join(', ')} (comma-separated).`,
    );
  }
  return [...new Set(names as Agent[])];
}

/**
 * Adds the Groundplan server to each agent's project config, merged into what is there. An entry named
 * `groundplan` already present is left as the user wrote it, so a second run changes nothing.
 */
export function registerAgents(tree: Tree, agents: Agent[]): void {
  for (const agent of agents) {
    const { file, key, entry } = AGENTS[agent];
    const config = tree.exists(file) ? readJson<Record<string, unknown>>(tree, file) : {};
    const servers = (config[key] ?? {}) as Record<string, unknown>;
    if (SERVER_NAME in servers) continue;
    writeJson(tree, file, { ...config, [key]: { ...servers, [SERVER_NAME]: entry } });
  }
}
