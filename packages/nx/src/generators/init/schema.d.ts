export interface InitGeneratorOptions {
  /** Coding agents to register the MCP server with: `claude,cursor,vscode` (or an array). */
  agents?: string | string[];
  skipFormat?: boolean;
}
