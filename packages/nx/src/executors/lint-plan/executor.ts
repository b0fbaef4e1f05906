import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { totals } from '../../lint/lint-plan';
import { LintConfigError } from '../../lint/severity';
import { runLint } from '../../lint/run-lint';
import { TemplateError } from '../../templates/parse-template';
import { packageVersion } from '../../utils/package-version';
import { openWorkspace } from '../../session/open-workspace';
import type { LintPlanExecutorOptions } from './schema';

const DEFAULT_PLANS = '{projectRoot}/product-development/**/{plan,implementation-plan}.md';

/** `@groundplan/nx:lint-plan`: lints the project's plans; fails on errors (and on warnings when strict). */
export default async function lintPlanExecutor(options: LintPlanExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectRoot = context.projectsConfigurations.projects[context.projectName!].root;
  // The graph Nx has already computed for this run.
  const workspace = openWorkspace(context.root, { graph: context.projectGraph });
  try {
    const outcome = await runLint({
      workspace,
      patterns: (options.plans ?? [DEFAULT_PLANS]).map((pattern) => posix.normalize(pattern.replaceAll('{projectRoot}', projectRoot))),
      template: options.template,
      rules: options.rules,
      format: options.format ?? 'stylish',
      strict: options.strict,
      maxWarnings: options.maxWarnings,
      version: packageVersion(),
      outputFile: options.outputFile,
      outputOption: 'outputFile',
      patternsOption: 'plans',
      against: options.against,
    });
    if (options.outputFile && outcome.outputPath) {
      const path = outcome.outputPath;
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, outcome.output);
      const { errorCount, warningCount } = totals(outcome.results);
      process.stdout.write(
        `lint-plan: ${outcome.results.length} plan(s), ${errorCount} error(s), ${warningCount} warning(s); report in ${options.outputFile}\n`,
      );
    } else {
      process.stdout.write(outcome.output);
    }
    return { success: !outcome.failed };
  } catch (error) {
    if (error instanceof LintConfigError || error instanceof TemplateError) {
      process.stderr.write(`lint-plan: ${error.message}\n`);
      return { success: false };
    }
    throw error;
  }
}
