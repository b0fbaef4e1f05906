import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULES } from '../rules';
import type { LintResult } from '../lint-plan';
import { ruleHelpUri } from '../rule-docs';
import type { Finding } from '../types';

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: every rule described once (so the alert shows what the
 * rule checks), results pointing at repository-relative plan files by line and column.
 */
export function formatSarif(results: LintResult[], version: string): string {
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'groundplan', semanticVersion: version, rules: RULES.map((rule) => ruleDescriptor(rule, version)) } },
        results: results.flatMap((result) => result.findings.map(sarifResult)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(rule: (typeof RULES)[number], version: string): ReportingDescriptor {
  return {
    id: rule.id,
    name: rule.slug,
    shortDescription: { text: rule.description.split(/(?<=\.)\s/)[0] },
    fullDescription: { text: rule.description },
    helpUri: ruleHelpUri(version),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties: { tags: ['groundplan', 'plan'] },
  };
}

function sarifResult(finding: Finding): Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex: RULES.findIndex((rule) => rule.id === finding.ruleId),
    level: sarifLevel(finding.severity),
    message: { text: finding.suggestion ? `${finding.message} Did you mean "${finding.suggestion}"?` : finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: finding.file },
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    ...(finding.suggestion ? { properties: { suggestion: finding.suggestion } } : {}),
  };
}

function sarifLevel(severity: Finding['severity']): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}
