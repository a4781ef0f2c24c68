/**
 * A fake OpenAI-compatible server on 127.0.0.1 (port 0) for the real `openai` client: POST
 * /v1/chat/completions is answered by a script. The script sees the parsed request (system prompt, the
 * JSON data with the core's answer and the person's message) and says what to send back: a rewording, an
 * HTTP status, a malformed body, or a stall that ends when the client hangs up.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  model: string;
  system: string;
  answer: string;
  message: string;
}

export type FakeResponse =
  | { content: string }
  | { status: number; body?: string }
  | { raw: string }
  /** Never answers; the request ends only when the client gives up. */
  | { stall: true };

export interface OpenAIFake {
  baseURL: string;
  requests: FakeRequest[];
  /** Resolves once `count` requests have arrived in all. */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startOpenAIFake(script: (request: FakeRequest) => FakeResponse): Promise<OpenAIFake> {
  const requests: FakeRequest[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const parsed = JSON.parse(body) as { model: string; messages: { role: string; content: string }[] };
      const data = JSON.parse(parsed.messages.find((m) => m.role === 'user')?.content ?? '{}') as { answer?: string; message?: string };
      const request = { model: parsed.model, system: parsed.messages.find((m) => m.role === 'system')?.content ?? '', answer: data.answer ?? '', message: data.message ?? '' };
      requests.push(request);
      for (const w of waiters.filter((x) => requests.length >= x.count)) w.resolve();
      const response = script(request);
      // Instant retries: the client honours retry-after-ms, so a test of retries needs no real backoff.
      const headers = { 'content-type': 'application/json', 'retry-after-ms': '0' };
      if ('stall' in response) return; // the socket closes when the client aborts or the server closes
      if ('raw' in response) res.writeHead(200, headers).end(response.raw);
      else if ('status' in response) res.writeHead(response.status, headers).end(response.body ?? JSON.stringify({ error: { message: 'fake failure' } }));
      else res.writeHead(200, headers).end(JSON.stringify(completion(request.model, response.content)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    received: (count) => new Promise<void>((resolve) => (requests.length >= count ? resolve() : waiters.push({ count, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function completion(model: string, content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 0,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** A faithful rewording: a warm opener, then the answer's prose word for word, every fact kept. */
export const faithful = (request: FakeRequest): FakeResponse => ({ content: `Happy to help! ${request.answer}` });
