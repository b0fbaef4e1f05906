import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMessagesApiServer, type MessagesApiServer } from '../../test-utils/messages-api-server';
import { maxAnswerChars } from './claude-client';
import { draftWithClaude, type ClaudeDraftRequest } from './draft-with-claude';
import { ModelDraftError } from './errors';
import { modelFacts } from './models';
import { API_KEY, checklistTemplate, contextPack, featureInputs, GOOD_PLAN, lintPaths, withProvenance } from './test-utils/fixtures';

/** The Claude path against peers that stall, flood or echo the key: bounded, and nothing secret written. */
const OFFLINE_DRAFT = '---\ngroundplan:\n  drafter: offline\n---\n# Offline draft\n';
let server: MessagesApiServer;
let dir: string;
let planPath: string;
let stderr: string;

beforeEach(async () => {
  server = await startMessagesApiServer();
  dir = mkdtempSync(join(tmpdir(), 'groundplan-bounded-'));
  planPath = join(dir, 'plan.md');
  writeFileSync(planPath, OFFLINE_DRAFT);
  stderr = '';
});

afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

function request(overrides: Partial<ClaudeDraftRequest> = {}): ClaudeDraftRequest {
  return {
    template: checklistTemplate(),
    inputs: featureInputs(),
    context: contextPack(),
    offlineDraft: OFFLINE_DRAFT,
    planPath,
    lint: lintPaths,
    finish: withProvenance,
    model: 'claude-sonnet-5-5',
    env: { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: server.url, CI: 'true' },
    stderr: { write: (text: string) => (stderr += text) },
    maxRetries: 0,
    ...overrides,
  };
}

async function failure(overrides: Partial<ClaudeDraftRequest> = {}): Promise<ModelDraftError> {
  const error = await draftWithClaude(request(overrides)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelDraftError);
  return error as ModelDraftError;
}

describe('a peer that stalls', () => {
  it('a stream that goes silent is dropped after the idle timeout, and the wait says so', async () => {
    server.reply({ text: GOOD_PLAN, chunkSize: 50, delayMs: 5000 });
    const error = await failure({ idleTimeoutMs: 300, timeoutMs: 60_000 });
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/sent nothing for 0\.3 s \(option --idleTimeout\)/);
    expect(stderr).toMatch(/gives up after 0 s of silence or 60 s in all/);
    expect(readFileSync(planPath, 'utf8')).toBe(OFFLINE_DRAFT);
  });

  it('a peer that accepts the connection and never answers is dropped after the total timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    try {
      const error = await failure({ env: { ANTHROPIC_API_KEY: API_KEY, ANTHROPIC_BASE_URL: `http://127.0.0.1:${port}`, CI: 'true' }, timeoutMs: 400, idleTimeoutMs: 60_000 });
      expect(error.kind).toBe('timeout');
      expect(readFileSync(planPath, 'utf8')).toBe(OFFLINE_DRAFT);
    } finally {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('a peer that floods', () => {
  it('an answer far beyond max_tokens is not read to its end and is not a plan', async () => {
    const limit = maxAnswerChars(modelFacts('claude-sonnet-5-5').maxOutput);
    server.reply({ text: `${GOOD_PLAN}\n${'x'.repeat(limit + 100_000)}`, chunkSize: 256 * 1024 });
    const error = await failure();
    expect(error.kind).toBe('not-a-plan');
    expect(error.message).toMatch(/ran past \d+ characters/);
    expect(readFileSync(planPath, 'utf8')).toBe(OFFLINE_DRAFT);
  });
});

describe('a peer that echoes secrets', () => {
  it('the API key and other secrets in the answer are scrubbed from the written plan', async () => {
    server.reply({ text: GOOD_PLAN.replace(/\n## /, `\nUse ${API_KEY} and DB_PASS=plainleak999 to connect.\n\n## `) });
    const result = await draftWithClaude(request());
    const written = readFileSync(planPath, 'utf8');
    expect(result.planPath).toBe(planPath);
    expect(written).not.toContain(API_KEY);
    expect(written).not.toContain('plainleak999');
    expect(stderr).not.toContain(API_KEY);
  });
});
