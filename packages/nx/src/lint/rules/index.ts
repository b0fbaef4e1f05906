import type { Rule } from '../types';
import { planFile } from './gp000-plan-file';
import { requiredSections } from './gp001-required-sections';
import { noPlaceholders } from './gp002-no-placeholders';
import { checklistItems } from './gp003-checklist-items';
import { forbiddenContent } from './gp004-forbidden-content';
import { fileExists } from './gp005-file-exists';
import { projectExists } from './gp006-project-exists';
import { symbolExists } from './gp007-symbol-exists';
import { dependencyRules } from './gp008-dependency-rules';
import { staleReferences } from './gp009-stale-references';
import { markdown } from './gp010-markdown';
import { tickedNotDone } from './gp011-ticked-not-done';
import { looksDone } from './gp012-looks-done';
import { unplannedChangesRule } from './gp013-unplanned-changes';
import { tickedFileMissing } from './gp014-ticked-file-missing';

/** Every rule, in id order. */
export const RULES: readonly Rule[] = [
  planFile,
  requiredSections,
  noPlaceholders,
  checklistItems,
  forbiddenContent,
  fileExists,
  projectExists,
  symbolExists,
  dependencyRules,
  staleReferences,
  markdown,
  tickedNotDone,
  looksDone,
  unplannedChangesRule,
  tickedFileMissing,
];
