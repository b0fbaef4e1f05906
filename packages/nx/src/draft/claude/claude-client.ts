import Anthropic, { NotFoundError } from '@anthropic-ai/sdk';
import { explainFailure, interrupted, ModelDraftError, type RequestTarget } from './errors';
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
  /** The whole answer, from the request to its last byte, may take this long (ms). */
  timeoutMs?: number;
  /** The stream may stay silent this long (ms): before the first byte and between events. */
  idleTimeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 300_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

/**
 * The most characters an answer of `maxTokens` tokens can plausibly hold (a token is rarely more than
 * eight characters); a peer that sends more is not the Messages API answering, and reading on would only
 * cost memory. Thinking deltas count too.
 */
export function maxAnswerChars(maxTokens: number): number {
  return maxTokens * 8 + 64 * 1024;
}

/**
 * Streams one answer. Only a complete answer is returned: a stream that breaks, an answer cut at
 * `max_tokens` and a refusal are errors, so no half plan can reach the disk.
 */
export async function streamAnswer({
  client,
  target,
  system,
  messages,
  maxTokens,
  progress,
  signal,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  idleTimeoutMs = DEFAULT_IDLE_TIMEOUT_MS,
}: StreamRequest): Promise<Answer> {
  let connected = false;
  let received = 0;
  const limit = maxAnswerChars(maxTokens);
  // One controller for Ctrl-C, the deadline, the silence and the size cap: whichever comes first stops the stream.
  const controller = new AbortController();
  let stopped: ModelDraftError | undefined;
  // A stop settles the answer itself rather than waiting for the aborted stream to reject: an abort that
  // lands while the transport is mid-read is not always seen by it, and then nothing else would end the wait.
  let settleStopped: (error: ModelDraftError) => void = () => {};
  const whenStopped = new Promise<never>((_, reject) => (settleStopped = reject));
  const stop = (error: ModelDraftError) => {
    stopped ??= error;
    controller.abort();
    settleStopped(stopped);
  };
  const onAbort = () => stop(interrupted());
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
  const deadline = setTimeout(
    () =>
      stop(
        new ModelDraftError(
          'timeout',
          `Claude's answer did not complete within ${seconds(timeoutMs)} (option --timeout); the request was dropped. Try again, or raise --timeout.`,
        ),
      ),
    timeoutMs,
  );
  let idle: NodeJS.Timeout | undefined;
  // Events can still arrive once the answer is settled (an abort the transport has not seen yet): they must
  // not set a new idle timer, which would keep the process alive for the idle timeout.
  let settled = false;
  const alive = () => {
    if (settled) return;
    clearTimeout(idle);
    idle = setTimeout(
      () =>
        stop(
          new ModelDraftError(
            'timeout',
            `Claude sent nothing for ${seconds(idleTimeoutMs)} (option --idleTimeout); the request was dropped. Check the network or proxy, then try again.`,
          ),
        ),
      idleTimeoutMs,
    );
  };
  alive();
  const grow = (delta: string) => {
    received += delta.length;
    if (received > limit) {
      stop(
        new ModelDraftError(
          'not-a-plan',
          `Claude's answer ran past ${limit} characters, far more than ${maxTokens} tokens can hold; it was dropped as not a plan.`,
        ),
      );
      return;
    }
    progress.received(received);
  };
  const stream = client.messages.stream({ model: target.model, max_tokens: maxTokens, system, messages }, { signal: controller.signal, timeout: timeoutMs });
  stream.on('connect', () => {
    connected = true;
    alive();
  });
  stream.on('streamEvent', alive);
  stream.on('text', grow);
  stream.on('thinking', grow);
  try {
    const message = await Promise.race([stream.finalMessage(), whenStopped]);
    if (stopped) throw stopped;
    if (message.stop_reason === 'max_tokens') {
      throw new ModelDraftError('truncated', `Claude's answer reached the ${maxTokens}-token output limit before the plan was complete; it was dropped.`);
    }
    if (message.stop_reason === 'refusal') throw new ModelDraftError('not-a-plan', 'Claude declined to write this plan.');
    const text = message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('');
    return { text, usage: usageOf(message.usage) };
  } catch (error) {
    throw stopped ?? explainFailure(error, target, connected);
  } finally {
    settled = true;
    clearTimeout(deadline);
    clearTimeout(idle);
    signal.removeEventListener('abort', onAbort);
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
