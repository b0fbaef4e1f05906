import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';
import { redactSecrets } from '../../utils/secrets';

export type DraftFailure =
  | 'usage'
  | 'no-api-key'
  | 'auth'
  | 'permission'
  | 'model-not-found'
  | 'rate-limited'
  | 'overloaded'
  | 'network'
  | 'timeout'
  | 'stream-broken'
  | 'truncated'
  | 'not-a-plan'
  | 'too-large'
  | 'interrupted'
  | 'lint-errors'
  | 'api';

/** A model draft that did not happen: what went wrong and what to do, never the key. */
export class ModelDraftError extends Error {
  constructor(
    readonly kind: DraftFailure,
    message: string,
  ) {
    super(message);
    this.name = 'ModelDraftError';
  }
}

/** Ctrl-C or the caller's own signal stopped the request. */
export function interrupted(): ModelDraftError {
  return new ModelDraftError('interrupted', 'Interrupted: the request to Claude was stopped.');
}

/** Where the request went and for which model, for messages the user can act on. */
export interface RequestTarget {
  model: string;
  baseURL: string;
  /** Retries the SDK made before giving up. */
  maxRetries: number;
}

/**
 * Turns whatever the SDK threw into a ModelDraftError. `streaming` tells a connection lost while the answer
 * was arriving from one that never connected: the first is a broken stream, not an unreachable host.
 */
export function explainFailure(error: unknown, target: RequestTarget, streaming: boolean): ModelDraftError {
  if (error instanceof ModelDraftError) return error;
  if (error instanceof APIUserAbortError) return interrupted();
  if (streaming && !(error instanceof APIError && error.status !== undefined)) {
    return new ModelDraftError(
      'stream-broken',
      `The answer from Claude broke off half-way (${reason(error)}); the partial plan was dropped. Run the command again.`,
    );
  }
  return explainApiError(error, target);
}

function explainApiError(error: unknown, { model, baseURL, maxRetries }: RequestTarget): ModelDraftError {
  const detail = reason(error);
  const afterRetries = `after ${maxRetries} ${maxRetries === 1 ? 'retry' : 'retries'}`;
  if (error instanceof AuthenticationError) {
    return new ModelDraftError('auth', `Claude rejected the API key (401: ${detail}). Check ANTHROPIC_API_KEY, or run with --provider offline.`);
  }
  if (error instanceof PermissionDeniedError) {
    return new ModelDraftError(
      'permission',
      `The API key may not use model "${model}" (403: ${detail}). Choose another model with --model, or check the key's workspace.`,
    );
  }
  if (error instanceof NotFoundError) {
    return new ModelDraftError(
      'model-not-found',
      `Model "${model}" was not found at ${baseURL} (404: ${detail}). Set --model, the plugin's "model" option in nx.json, or GROUNDPLAN_MODEL.`,
    );
  }
  if (error instanceof RateLimitError) {
    return new ModelDraftError('rate-limited', `Claude's rate limit was reached (429: ${detail}), still ${afterRetries}. Try again later.`);
  }
  if (error instanceof APIError && (error.status === 529 || error.type === 'overloaded_error')) {
    return new ModelDraftError('overloaded', `Claude is overloaded (529: ${detail}), still ${afterRetries}. Try again later.`);
  }
  if (error instanceof BadRequestError && /prompt is too long|too many tokens/i.test(detail)) {
    return new ModelDraftError('too-large', `The prompt is too large for model "${model}" (400: ${detail}). Lower --budget.`);
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new ModelDraftError('timeout', `The request to ${baseURL} timed out ${afterRetries}. Check the network or proxy, then try again.`);
  }
  if (error instanceof APIConnectionError) {
    return new ModelDraftError('network', `Could not reach ${baseURL} (${detail}) ${afterRetries}. Check the network, a proxy, or ANTHROPIC_BASE_URL.`);
  }
  if (error instanceof APIError && error.status !== undefined) {
    return new ModelDraftError('api', `Claude answered with an error (${error.status}: ${detail}). Try again later.`);
  }
  return new ModelDraftError('api', `The request to Claude failed: ${detail}.`);
}

/** The most useful one-line reason an error carries: the API's own message, else the cause's. */
function reason(error: unknown): string {
  if (error instanceof APIError && error.apiMessage) return `${error.type ?? 'error'}: ${error.apiMessage}`;
  const cause = (error as { cause?: { message?: string; code?: string } })?.cause;
  const message = (error as Error)?.message ?? String(error);
  return cause?.code ?? cause?.message ?? message.split('\n')[0];
}

/**
 * Removes the API key (and anything else secret-looking) from text bound for the terminal, a log or a file.
 * Applied to every line the drafter prints, so an error body that echoes a header cannot leak the key.
 */
export function scrubSecrets(text: string, apiKey: string | undefined): string {
  const withoutKey = apiKey ? text.split(apiKey).join('[ANTHROPIC_API_KEY]') : text;
  return redactSecrets(withoutKey);
}
