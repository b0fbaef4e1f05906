import { RULES } from './rules';
import type { RuleMeta } from './types';

/**
 * The rule docs are generated from the rules' own metadata: `npm run docs` rewrites each marked block of
 * these files, and rule-docs.spec.ts fails when a committed block differs from what the rules say.
 */
export const GENERATED_DOCS: Array<{ file: string; block: string; render: (rules: readonly RuleMeta[]) => string }> = [
  { file: 'packages/nx/docs/rules.md', block: 'rule-table', render: ruleTable },
  { file: 'packages/nx/README.md', block: 'rule-list', render: ruleList },
  { file: 'README.md', block: 'rule-list', render: ruleList },
];

/** Where SARIF's `helpUri` points: the rule docs as published with the package. */
export function ruleHelpUri(version: string): string {
  return `https://unpkg.com/@groundplan/nx@${version}/docs/rules.md`;
}

function ruleTable(rules: readonly RuleMeta[]): string {
  const rows = rules.map((rule) => `| ${rule.id} | ${rule.slug} | ${rule.defaultSeverity} | ${rule.description.replace(/\|/g, '\\|')} |`);
  return ['| id | slug | default | checks |', '|---|---|---|---|', ...rows].join('\n');
}

function ruleList(rules: readonly RuleMeta[]): string {
  const name = (rule: RuleMeta) => `${rule.id} ${rule.slug}${rule.defaultSeverity === 'info' ? ' (info)' : ''}`;
  const always = rules.filter((rule) => !rule.requires).map(name);
  const against = rules.filter((rule) => rule.requires === 'against').map(name);
  return `${always.join(', ')}, and with \`--against\`: ${against.join(', ')}.`;
}

/** The text with the named block between its markers replaced by `content`; throws when the markers are missing. */
export function withGeneratedBlock(text: string, block: string, content: string): string {
  const start = `<!-- ${block}: generated from the rules' metadata by \`npm run docs\` -->`;
  const end = `<!-- /${block} -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from === -1 || to === -1) throw new Error(`Missing the ${start} … ${end} markers.`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

/** Each generated file's text with its block brought up to date. */
export function generatedDocs(read: (file: string) => string): Array<{ file: string; text: string }> {
  return GENERATED_DOCS.map(({ file, block, render }) => ({ file, text: withGeneratedBlock(read(file), block, render(RULES)) }));
}
