import type { IndexedFile } from '../../code/types';
import type { CodeSymbol } from '../../code/types';
import { closestNames } from '../../utils/closest';
import type { SymbolReference } from '../../plan-file/references';
import { say, type Rule, type RuleReport } from '../types';

export const MESSAGES = {
  notExported: (name: string, owner: string) => `"${name}" is not exported by ${owner}.`,
  noMember: (name: string, owner: string, member: string) => `"${name}" (${owner}) has no member "${member}".`,
};
import type { LintWorkspace } from '../workspace-view';

export const symbolExists: Rule = {
  id: 'GP007',
  slug: 'symbol-exists',
  description: 'Every `Symbol` (or `Class.member`) said to be in a file, folder or project is exported there, per the code index.',
  defaultSeverity: 'error',
  messages: MESSAGES,
  check(plan, workspace) {
    const claimed = plan.references.symbols.filter((ref) => !ref.isNew);
    if (claimed.length === 0 || !workspace.code) return [];
    const reports: RuleReport[] = [];
    for (const ref of claimed) {
      const owner = ownerFiles(ref, workspace);
      // Missing files and unknown projects are the file and project rules' to report.
      if (!owner || owner.files.length === 0) continue;
      const problem = checkSymbol(ref, owner.files, owner.label);
      if (problem) reports.push({ line: ref.line, column: ref.column, ...problem });
    }
    return reports;
  },
};

function ownerFiles(ref: SymbolReference, workspace: LintWorkspace): { files: IndexedFile[]; label: string } | undefined {
  const files = [...workspace.code!.files.values()];
  if (ref.owner.kind === 'path') {
    const path = ref.owner.path;
    return { files: files.filter((file) => file.path === path || file.path.startsWith(`${path}/`)), label: `"${path}"` };
  }
  const project = workspace.findProject(ref.owner.name);
  return project ? { files: files.filter((file) => file.project === project.name), label: `project "${project.name}"` } : undefined;
}

function checkSymbol(ref: SymbolReference, files: IndexedFile[], label: string): (ReturnType<typeof say> & { suggestion?: string }) | undefined {
  const exported = files.flatMap((file) => file.symbols.filter((symbol) => symbol.exported));
  const symbol = exported.find((s) => s.name === ref.name);
  if (!symbol) {
    // `findAll()` in `orders.service.ts` names a method of an exported class.
    const members = exported.flatMap((s) => s.members);
    if (!ref.member && members.some((m) => m.name === ref.name)) return undefined;
    return {
      ...say(MESSAGES, 'notExported', ref.name, label),
      suggestion: closestNames(
        ref.name,
        exported.map((s) => s.name),
        1,
      )[0],
    };
  }
  if (ref.member && !symbol.members.some((m) => m.name === ref.member)) {
    return { ...say(MESSAGES, 'noMember', ref.name, label, ref.member), suggestion: suggestMember(symbol, ref.member) };
  }
  return undefined;
}

function suggestMember(symbol: CodeSymbol, member: string): string | undefined {
  const name = closestNames(
    member,
    symbol.members.map((m) => m.name),
    1,
  )[0];
  return name && `${symbol.name}.${name}`;
}
