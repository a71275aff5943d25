// A local stand-in for an OpenAI-compatible API: records every request and answers from a
// script, so embedder and answerer tests run offline and can stage rate limits and outages.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Endpoint = 'embeddings' | 'chat';

export interface ScriptedReply {
  status?: number;
  /** JSON body; without it (and without `bodyFrom`) the endpoint's default reply. */
  body?: unknown;
  /** Builds the JSON body from the request. */
  bodyFrom?: (request: RecordedRequest) => unknown;
  headers?: Record<string, string>;
  /** Milliseconds to wait before answering (to provoke client time-outs). */
  delayMs?: number;
}

export interface RecordedRequest {
  endpoint: Endpoint;
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

export interface FakeOpenAIServer {
  /** Base URL ending in /v1, as OPENAI_BASE_URL takes it. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queue replies for an endpoint; when its queue is empty the default reply is used. */
  script(endpoint: Endpoint, ...replies: ScriptedReply[]): void;
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  /** Dimension of the default embedding reply. */
  dimension?: number;
  /** Default chat reply when nothing is scripted. */
  chatContent?: string;
}

const ROUTES: Record<string, Endpoint> = { '/v1/embeddings': 'embeddings', '/v1/chat/completions': 'chat' };

/** Starts the server on 127.0.0.1 with an ephemeral port. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAIServer> {
  const dimension = options.dimension ?? 4;
  const requests: RecordedRequest[] = [];
  const queues: Record<Endpoint, ScriptedReply[]> = { embeddings: [], chat: [] };
  const defaults: Record<Endpoint, (request: RecordedRequest) => unknown> = {
    embeddings: (request) => embeddingsReply(request.body, dimension),
    chat: (request) => chatReply(request.body, options.chatContent ?? 'ok'),
  };

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const endpoint = ROUTES[(req.url ?? '').split('?')[0] ?? ''];
    const raw = await readBody(req);
    if (!endpoint || req.method !== 'POST') {
      send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
      return;
    }
    const request: RecordedRequest = {
      endpoint,
      method: req.method,
      path: req.url ?? '',
      headers: req.headers,
      body: raw ? JSON.parse(raw) : undefined,
    };
    requests.push(request);
    const reply = queues[endpoint].shift() ?? {};
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    const body = reply.bodyFrom?.(request) ?? reply.body ?? defaults[endpoint](request);
    send(res, reply.status ?? 200, body, reply.headers);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(endpoint, ...replies) {
      queues[endpoint].push(...replies);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** An error body in OpenAI's shape, for scripted failures. */
export function errorReply(status: number, message: string, headers?: Record<string, string>): ScriptedReply {
  return { status, headers, body: { error: { message, type: 'server_error', code: null } } };
}

/**
 * One deterministic, not normalised vector per input: values derived from the text's characters,
 * so equal texts get equal vectors and the client's normalisation is observable.
 */
export function embeddingsReply(body: { input: string | string[]; model: string }, dimension: number): unknown {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  return {
    object: 'list',
    model: body.model,
    data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: textVector(text, dimension) })),
    usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
  };
}

function textVector(text: string, dimension: number): number[] {
  const vector = new Array<number>(dimension).fill(1);
  for (let i = 0; i < text.length; i++) vector[i % dimension]! += text.charCodeAt(i) % 17;
  return vector;
}

function chatReply(body: { model: string }, content: string): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model: body.model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
