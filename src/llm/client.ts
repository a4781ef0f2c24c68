/**
 * One chat completion over the `openai` client against any OpenAI-compatible server, inside a hard time
 * budget: the client's own timeout and retries are bounded by it, and an abort ends whatever is left when
 * it runs out (the SDK's retry backoff alone could otherwise outlast a chat reply).
 */
import type OpenAI from 'openai';
import { buildMessages } from './prompt';

export interface LlmClientOptions {
  baseURL: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** Why a call produced no text: the reason is counted and logged, never the prompt. */
export class LlmCallError extends Error {
  constructor(readonly reason: string) {
    super(`LLM call failed: ${reason}`);
  }
}

export class LlmClient {
  /** The SDK is loaded on the first call: about 100 ms of start-up that a process without the LLM never pays. */
  private sdk: Promise<{ OpenAI: typeof OpenAI; client: OpenAI }> | undefined;

  constructor(private readonly options: LlmClientOptions) {}

  private load(): Promise<{ OpenAI: typeof OpenAI; client: OpenAI }> {
    this.sdk ??= import('openai').then(({ default: OpenAI }) => {
      const { baseURL, apiKey, timeoutMs, maxRetries } = this.options;
      // Ollama and vLLM ignore the key, but the SDK requires one.
      return { OpenAI, client: new OpenAI({ baseURL, apiKey: apiKey ?? 'unused', timeout: timeoutMs, maxRetries }) };
    });
    return this.sdk;
  }

  async rephrase(answer: string, message: string): Promise<string> {
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new LlmCallError('timeout'));
      }, this.options.timeoutMs);
    });
    const call = this.load().then(({ client }) =>
      client.chat.completions.create(
        // Room for the answer's length again; a longer reply would be rejected anyway.
        { model: this.options.model, messages: buildMessages(answer, message), temperature: 0.3, max_tokens: Math.ceil(answer.length / 2) + 64 },
        { signal: abort.signal },
      ),
    );
    try {
      const completion = await Promise.race([call, deadline]);
      const content: unknown = completion?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new LlmCallError('malformed');
      return content;
    } catch (error) {
      throw error instanceof LlmCallError ? error : new LlmCallError(classify(error, (await this.load().catch(() => undefined))?.OpenAI));
    } finally {
      clearTimeout(timer);
      // The loser of the race must not become an unhandled rejection.
      void call.catch(() => undefined);
    }
  }
}

function classify(error: unknown, OpenAI: typeof import('openai').default | undefined): string {
  if (OpenAI && (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError)) return 'timeout';
  if (OpenAI && error instanceof OpenAI.APIError && typeof error.status === 'number') return `http-${error.status}`;
  if (OpenAI && error instanceof OpenAI.APIConnectionError) return 'connection';
  // By name: fetch's body parser throws a SyntaxError of another realm under a test VM, not `instanceof` ours.
  if ((error as { name?: unknown } | null)?.name === 'SyntaxError') return 'malformed';
  return 'error';
}
