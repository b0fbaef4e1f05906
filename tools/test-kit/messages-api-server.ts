import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Anthropic Messages API, on 127.0.0.1, for tests that drive the real SDK through
 * `baseURL`. It speaks POST /v1/messages (JSON and SSE streaming, with the API's event sequence),
 * POST /v1/messages/count_tokens, and the API's error bodies; it emulates prompt caching from the
 * `cache_control` breakpoints it receives, so a test sees cache writes and reads only when the client placed
 * them right; and it records every request for assertions.
 */

export interface ScriptedReply {
  /** HTTP status; anything but 200 answers with the API's error JSON. */
  status?: number;
  /** Error type and message for a non-200 status (default: the API's for that status). */
  error?: { type: string; message: string };
  /** Extra response headers (e.g. `retry-after-ms` for a fast retry, `x-should-retry`). */
  headers?: Record<string, string>;
  /** The assistant's text. */
  text?: string;
  /** Characters per `text_delta` when streaming. */
  chunkSize?: number;
  /** Streaming: close the connection after this many text deltas, without content_block_stop or message_stop. */
  cutAfterDeltas?: number;
  /** Streaming: wait this long between events (for progress and Ctrl-C tests). */
  delayMs?: number;
  stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'refusal';
  /** Overrides the emulated usage. */
  usage?: Partial<Usage>;
}

export interface Usage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** The key the request carried (`Authorization: Bearer`, as SDK 1.x sends it, or `x-api-key`). */
  apiKey?: string;
  /** The raw body, to assert that something never appears in it. */
  raw: string;
  body: MessagesBody;
}

/** The parts of a request body the server reads. */
export interface MessagesBody {
  model?: string;
  stream?: boolean;
  max_tokens?: number;
  system?: string | ContentBlock[];
  messages?: Array<{ role: string; content: string | ContentBlock[] }>;
  [key: string]: unknown;
}

interface ContentBlock {
  type: string;
  text?: string;
  cache_control?: { type: string };
}

export interface ServerOptions {
  /** When set, a request with any other key is answered with 401 authentication_error, as the API does. */
  apiKey?: string;
  /** Token count of a request (count_tokens and usage); default: one token per four characters of text. */
  countTokens?: (body: MessagesBody) => number;
}

export interface MessagesApiServer {
  /** Base URL for the SDK's `baseURL` / `ANTHROPIC_BASE_URL`. */
  url: string;
  /** Every request received, in order (count_tokens included). */
  requests: RecordedRequest[];
  /** Queues replies for the next POST /v1/messages calls, in order. */
  reply(...replies: ScriptedReply[]): void;
  /** Replies still queued (a test checks that it used what it scripted). */
  pending(): number;
  /** Requests to POST /v1/messages only. */
  messageRequests(): RecordedRequest[];
  close(): Promise<void>;
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export async function startMessagesApiServer(options: ServerOptions = {}): Promise<MessagesApiServer> {
  const requests: RecordedRequest[] = [];
  const queue: ScriptedReply[] = [];
  const cache = new Set<string>();
  const countTokens = options.countTokens ?? countBodyTokens;
  const sockets = new Set<import('node:net').Socket>();

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const request: RecordedRequest = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, apiKey: apiKeyOf(req), raw, body: parseJson(raw) };
    requests.push(request);
    if (options.apiKey !== undefined && request.apiKey !== options.apiKey) {
      return sendError(res, { status: 401, error: { type: 'authentication_error', message: 'invalid API key' } });
    }
    if (req.method === 'POST' && req.url === '/v1/messages/count_tokens') {
      return sendJson(res, 200, { input_tokens: countTokens(request.body) });
    }
    if (req.method === 'POST' && req.url === '/v1/messages') {
      const reply = queue.shift();
      if (!reply) {
        return sendError(res, { status: 400, error: { type: 'invalid_request_error', message: 'test server: no scripted reply left' } });
      }
      if ((reply.status ?? 200) !== 200) return sendError(res, reply);
      const usage = { ...emulateUsage(request.body, cache, countTokens), output_tokens: estimateTokens((reply.text ?? '').length), ...reply.usage };
      if (!request.body.stream) return sendJson(res, 200, message(request.body, reply, usage));
      return streamMessage(res, request.body, reply, usage).catch((error: unknown) => {
        if (!(error instanceof ClientGone)) throw error;
      });
    }
    sendError(res, { status: 404, error: { type: 'not_found_error', message: `test server: no route ${req.method} ${req.url}` } });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => queue.push(...replies),
    pending: () => queue.length,
    messageRequests: () => requests.filter((r) => r.path === '/v1/messages'),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function apiKeyOf(req: IncomingMessage): string | undefined {
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return bearer ?? (req.headers['x-api-key'] as string | undefined);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parseJson(raw: string): MessagesBody {
  try {
    return raw ? (JSON.parse(raw) as MessagesBody) : {};
  } catch {
    return {};
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'request-id': requestId(), ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, reply: ScriptedReply): void {
  const status = reply.status ?? 500;
  const error = reply.error ?? { type: ERROR_TYPES[status] ?? 'api_error', message: status === 529 ? 'Overloaded' : `HTTP ${status}` };
  sendJson(res, status, { type: 'error', error, request_id: requestId() }, reply.headers);
}

let sequence = 0;
function requestId(): string {
  sequence += 1;
  return `req_test_${sequence}`;
}

function message(body: MessagesBody, reply: ScriptedReply, usage: Usage) {
  return {
    id: `msg_test_${sequence}`,
    type: 'message',
    role: 'assistant',
    model: body.model,
    content: reply.text ? [{ type: 'text', text: reply.text, citations: null }] : [],
    stop_reason: reply.stopReason ?? 'end_turn',
    stop_sequence: null,
    usage,
  };
}

class ClientGone extends Error {}

async function streamMessage(res: ServerResponse, body: MessagesBody, reply: ScriptedReply, usage: Usage): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'request-id': requestId(), ...reply.headers });
  // Each event is flushed before the next, so a cut lands after what was sent, as a dropped connection does.
  // Once the client has gone (an abort, a timeout), the rest is not sent and no timer is left behind.
  const send = async (event: string, data: unknown) => {
    if (reply.delayMs) await pause(res, reply.delayMs);
    if (res.destroyed) throw new ClientGone();
    await new Promise((resolve) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`, resolve));
  };
  const start = message(body, { ...reply, text: '' }, { ...usage, output_tokens: 1 });
  await send('message_start', { type: 'message_start', message: { ...start, stop_reason: null } });
  await send('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
  await send('ping', { type: 'ping' });
  const deltas = chunk(reply.text ?? '', reply.chunkSize ?? 40);
  for (const [i, text] of deltas.entries()) {
    if (reply.cutAfterDeltas !== undefined && i >= reply.cutAfterDeltas) {
      res.destroy();
      return;
    }
    await send('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } });
  }
  await send('content_block_stop', { type: 'content_block_stop', index: 0 });
  await send('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: reply.stopReason ?? 'end_turn', stop_sequence: null },
    usage: { output_tokens: usage.output_tokens },
  });
  await send('message_stop', { type: 'message_stop' });
  res.end();
}

/** Waits `ms`, or less when the client goes first: its timer is then cleared, not left to run out. */
function pause(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.once('close', done);
  });
}

function chunk(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

/** The request's content blocks in the API's prefix order: system, then each message's blocks. */
function blocks(body: MessagesBody): ContentBlock[] {
  const asBlocks = (content: string | ContentBlock[] | undefined): ContentBlock[] =>
    typeof content === 'string' ? [{ type: 'text', text: content }] : (content ?? []);
  return [...asBlocks(body.system), ...(body.messages ?? []).flatMap((m) => asBlocks(m.content).map((b) => ({ ...b, role: m.role })))];
}

/**
 * Prompt caching as the API does it: each `cache_control` breakpoint names the prefix up to and including
 * its block; the longest prefix seen before is read from cache, the rest up to the last breakpoint is
 * written, and what follows is plain input.
 */
function emulateUsage(body: MessagesBody, cache: Set<string>, countTokens: (body: MessagesBody) => number): Omit<Usage, 'output_tokens'> {
  const all = blocks(body);
  const total = countTokens(body);
  const prefixes = all.flatMap((block, i) => (block.cache_control ? [all.slice(0, i + 1)] : []));
  const key = (prefix: ContentBlock[]) =>
    createHash('sha256')
      .update(`${body.model}\n${JSON.stringify(prefix)}`)
      .digest('hex');
  const tokensOf = (prefix: ContentBlock[]) => estimateTokens(prefix.map((b) => b.text ?? '').join('').length);
  const hit = [...prefixes].reverse().find((prefix) => cache.has(key(prefix)));
  const read = hit ? tokensOf(hit) : 0;
  const last = prefixes.at(-1);
  const written = last && last !== hit ? tokensOf(last) - read : 0;
  for (const prefix of prefixes) cache.add(key(prefix));
  return { input_tokens: Math.max(0, total - read - written), cache_creation_input_tokens: written, cache_read_input_tokens: read };
}

/** The API's count, emulated: about four characters a token. */
function estimateTokens(characters: number): number {
  return Math.ceil(characters / 4);
}

function countBodyTokens(body: MessagesBody): number {
  return estimateTokens(
    blocks(body)
      .map((b) => b.text ?? '')
      .join('').length,
  );
}
