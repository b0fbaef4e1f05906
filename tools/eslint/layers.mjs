// An ESLint rule that keeps the plugin's folders layered: a folder imports only the folders of the layers below
// its own (and itself), and only the folders named in `nx` import @nx/devkit or nx. ESLint's own
// no-restricted-imports cannot say "below", and misses `import()`, `require()` and `typeof import()`; the
// plugin loads heavy modules lazily with exactly those, so they are checked too.
import { dirname, relative, resolve, sep } from 'node:path';

const NX_PACKAGE = /^(@nx\/devkit|nx)(\/|$)/;

/** @type {import('eslint').Rule.RuleModule} */
export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'a folder of the plugin imports only the layers below its own' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: { type: 'array', items: { type: 'array', items: { type: 'string' } } },
          nx: { type: 'array', items: { type: 'string' } },
        },
        required: ['root', 'layers', 'nx'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward: "'{{from}}' is in a lower layer than '{{to}}': it must not import it (layers, lowest first: {{order}}).",
      sideways: "'{{from}}' and '{{to}}' are adapters side by side: move what both need to a layer below them.",
      nx: "'{{from}}' must not import {{module}}: only {{allowed}} talk to Nx.",
    },
  },
  create(context) {
    const { root, layers: order, nx } = context.options[0];
    const srcRoot = resolve(context.cwd, root);
    const rank = new Map(order.flatMap((folders, index) => folders.map((folder) => [folder, index])));
    const folderOf = (file) => {
      const path = relative(srcRoot, file);
      if (path.startsWith('..')) return undefined;
      const [first] = path.split(sep);
      return first.replace(/\.[cm]?[jt]s$/, '');
    };
    const from = folderOf(context.filename);
    if (from === undefined || !rank.has(from)) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (NX_PACKAGE.test(specifier)) {
        if (!nx.includes(from)) context.report({ node, messageId: 'nx', data: { from, module: specifier, allowed: nx.join(', ') } });
        return;
      }
      if (!specifier.startsWith('.')) return;
      const to = folderOf(resolve(dirname(context.filename), specifier));
      if (to === undefined || to === from || !rank.has(to)) return;
      if (rank.get(to) < rank.get(from)) return;
      const data = { from, to, order: order.map((folders) => folders.join('+')).join(' < ') };
      context.report({ node, messageId: rank.get(to) === rank.get(from) ? 'sideways' : 'upward', data });
    }
    const literal = (node) => (node?.type === 'Literal' ? node.value : undefined);
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ImportExpression: (node) => check(node, literal(node.source)),
      TSImportType: (node) => check(node, literal(node.argument?.literal ?? node.argument)),
      CallExpression: (node) => node.callee.type === 'Identifier' && node.callee.name === 'require' && check(node, literal(node.arguments[0])),
    };
  },
};

export default { rules: { layers } };
