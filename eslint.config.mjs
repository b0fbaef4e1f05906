// ESLint for this repository (flat config, typescript-eslint). examples/ is a separate Nx workspace, a fixture
// whose own eslint.config.mjs is data the plugin reads, so it is not linted here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import groundplan from './tools/eslint/layers.mjs';

/**
 * The plugin's folders, lowest layer first: a folder imports only the layers before its own. The last layer is
 * the package's entry point, over the Nx adapters, which import everything below and not each other. Where things go: a rule in lint/rules/, a
 * template in templates/ (built-ins in packages/nx/templates/), a context signal in context/, a model provider
 * in draft/ beside draft/claude/.
 */
export const PLUGIN_LAYERS = [
  ['utils'],
  ['markdown'],
  ['plan-file'],
  ['workspace'],
  ['code'],
  ['context'],
  ['templates'],
  ['inputs'],
  // The workspace as the adapters open it: nx.json, options, templates, graph, facts, code index and history, kept per process.
  ['session'],
  ['lint'],
  ['draft'],
  // The MCP server: tools over the layers below, served by `groundplan mcp`.
  ['mcp'],
  ['generators', 'executors', 'bin', 'plugin'],
  ['index'],
];

export default defineConfig(
  { ignores: ['**/node_modules/', '**/dist/', '**/.nx/', 'tmp/', 'examples/', 'e2e/local-registry/', '**/coverage/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // An eslint-disable comment that no longer silences anything is an error: each one must mean something.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: globals.node },
    rules: {
      // Unused arguments named `_x` say "the interface passes it, this one needs it not".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.cjs', '**/jest.config.js', 'packages/nx/bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Test code builds fixtures from any layer; the layers bind the plugin's own code.
    files: ['packages/nx/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/test-utils/**'],
    plugins: { groundplan },
    rules: {
      'groundplan/layers': ['error', { root: 'packages/nx/src', layers: PLUGIN_LAYERS, nx: ['workspace', 'generators', 'executors', 'bin', 'plugin'] }],
    },
  },
);
