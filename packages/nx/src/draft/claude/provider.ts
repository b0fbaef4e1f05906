import { ModelDraftError } from './errors';
import { DEFAULT_MODEL } from './models';

export type ProviderOption = 'auto' | 'anthropic' | 'offline';
export const PROVIDER_OPTIONS: readonly ProviderOption[] = ['auto', 'anthropic', 'offline'];

export interface ProviderChoice {
  provider: 'anthropic' | 'offline';
  /** Why, in words the user can act on ("ANTHROPIC_API_KEY is not set"). */
  reason: string;
}

export const API_KEY_VARIABLE = 'ANTHROPIC_API_KEY';

/** The API key from the environment, or undefined when it is unset or blank. */
export function apiKeyFrom(env: NodeJS.ProcessEnv): string | undefined {
  return env[API_KEY_VARIABLE]?.trim() || undefined;
}

/** `auto` drafts with Claude when a key is set and offline otherwise; `anthropic` without a key is an error. */
export function chooseProvider(option: ProviderOption | undefined, env: NodeJS.ProcessEnv): ProviderChoice {
  const hasKey = apiKeyFrom(env) !== undefined;
  switch (option ?? 'auto') {
    case 'offline':
      return { provider: 'offline', reason: 'provider "offline" was asked for' };
    case 'anthropic':
      if (!hasKey) throw missingApiKeyError();
      return { provider: 'anthropic', reason: 'provider "anthropic" was asked for' };
    case 'auto':
      return hasKey
        ? { provider: 'anthropic', reason: `${API_KEY_VARIABLE} is set (provider "auto")` }
        : { provider: 'offline', reason: `${API_KEY_VARIABLE} is not set (provider "auto"); set it to draft with Claude` };
    default:
      throw new ModelDraftError('usage', `Unknown provider "${option}" (option --provider): use ${PROVIDER_OPTIONS.join(', ')}.`);
  }
}

export function missingApiKeyError(): ModelDraftError {
  return new ModelDraftError(
    'no-api-key',
    `Drafting with Claude needs an API key: set ${API_KEY_VARIABLE} (create one in the Claude Console under API keys), ` +
      `e.g. \`export ${API_KEY_VARIABLE}=...\`, or run with --provider offline to draft without a model.`,
  );
}

export interface ModelChoice {
  model: string;
  /** Where the id came from, for the progress line. */
  source: 'option' | 'nx.json' | 'GROUNDPLAN_MODEL' | 'default';
}

/** The model id: the option, else the plugin's options in nx.json, else GROUNDPLAN_MODEL, else the current Sonnet. */
export function resolveModel(option: string | undefined, pluginModel: string | undefined, env: NodeJS.ProcessEnv): ModelChoice {
  const candidates: Array<[string | undefined, ModelChoice['source']]> = [
    [option, 'option'],
    [pluginModel, 'nx.json'],
    [env.GROUNDPLAN_MODEL, 'GROUNDPLAN_MODEL'],
  ];
  const found = candidates.find(([value]) => value?.trim());
  return found ? { model: found[0]!.trim(), source: found[1] } : { model: DEFAULT_MODEL, source: 'default' };
}
