import Anthropic, { NotFoundError } from '@anthropic-ai/sdk';
import { explainFailure, ModelDraftError, type RequestTarget } from './errors';
import { NO_USAGE, type TokenUsage } from './models';
import type { Progress } from './progress';
import { estimatePromptTokens, type PlanPrompt } from './prompt';

export interface ClientSettings {
  apiKey: string;
  env: NodeJS.ProcessEnv;
  /** The SDK's retries on 408/409/429/5xx/529 and connection errors (default 2). */
  maxRetries?: number;
  /** Per-request timeout in ms (the SDK's default is 10 minutes). */
  timeoutMs?: number;
}

const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/**
 * The SDK client, configured from the given environment rather than process.env, so that a caller (and a
 * test) decides the key and ANTHROPIC_BASE_URL. Passing the key explicitly also keeps the SDK from falling
 * back to another credential it finds on the machine.
 */
export function createClient({ apiKey, env, maxRetries, timeoutMs }: ClientSettings): { client: Anthropic; target: Omit<RequestTarget, 'model'> } {
  const baseURL = env.ANTHROPIC_BASE_URL?.trim() || DEFAULT_BASE_URL;
  const client = new Anthropic({ apiKey, baseURL, maxRetries, timeout: timeoutMs });
  return { client, target: { baseURL, maxRetries: client.maxRetries } };
}

/**
 * The prompt's size as the API counts it. A gateway without the counting endpoint (404) gets the local
 * estimate instead of failing the draft.
 */
export async function countPromptTokens(client: Anthropic, model: string, prompt: PlanPrompt, signal: AbortSignal): Promise<number> {
  try {
    const { input_tokens } = await client.messages.countTokens({ model, system: prompt.system, messages: prompt.messages }, { signal });
    return input_tokens;
  } catch (error) {
    if (error instanceof NotFoundError && !/model/i.test(error.apiMessage ?? '')) return estimatePromptTokens(prompt);
    throw error;
  }
}

export interface Answer {
  text: string;
  usage: TokenUsage;
}

export interface StreamRequest {
  client: Anthropic;
  target: RequestTarget;
  system: PlanPrompt['system'];
  messages: PlanPrompt['messages'];
  maxTokens: number;
  progress: Progress;
  signal: AbortSignal;
}

/**
 * Streams one answer. Only a complete answer is returned: a stream that breaks, an answer cut at
 * `max_tokens` and a refusal are errors, so no half plan can reach the disk.
 */
export async function streamAnswer({ client, target, system, messages, maxTokens, progress, signal }: StreamRequest): Promise<Answer> {
  let connected = false;
  let received = 0;
  const stream = client.messages.stream({ model: target.model, max_tokens: maxTokens, system, messages }, { signal });
  stream.on('connect', () => (connected = true));
  stream.on('text', (delta) => progress.received((received += delta.length)));
  stream.on('thinking', (delta) => progress.received((received += delta.length)));
  try {
    const message = await stream.finalMessage();
    if (message.stop_reason === 'max_tokens') {
      throw new ModelDraftError('truncated', `Claude's answer reached the ${maxTokens}-token output limit before the plan was complete; it was dropped.`);
    }
    if (message.stop_reason === 'refusal') throw new ModelDraftError('not-a-plan', 'Claude declined to write this plan.');
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    return { text, usage: usageOf(message.usage) };
  } catch (error) {
    throw explainFailure(error, target, connected);
  }
}

function usageOf(usage: Anthropic.Messages.Usage | undefined): TokenUsage {
  if (!usage) return NO_USAGE;
  return {
    input: usage.input_tokens,
    output: usage.output_tokens,
    cacheWrite: usage.cache_creation_input_tokens ?? 0,
    cacheRead: usage.cache_read_input_tokens ?? 0,
  };
}
