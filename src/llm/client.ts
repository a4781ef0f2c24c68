/**
 * One chat completion over the `openai` client against any OpenAI-compatible server, inside a hard time
 * budget: the client's own timeout and retries are bounded by it, and an abort ends whatever is left when
 * it runs out (the SDK's retry backoff alone could otherwise outlast a chat reply).
 */
import OpenAI from 'openai';
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
  private readonly openai: OpenAI;

  constructor(private readonly options: LlmClientOptions) {
    // Ollama and vLLM ignore the key, but the SDK requires one.
    this.openai = new OpenAI({ baseURL: options.baseURL, apiKey: options.apiKey ?? 'unused', timeout: options.timeoutMs, maxRetries: options.maxRetries });
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
    const call = this.openai.chat.completions.create(
      // Room for the answer's length again; a longer reply would be rejected anyway.
      { model: this.options.model, messages: buildMessages(answer, message), temperature: 0.3, max_tokens: Math.ceil(answer.length / 2) + 64 },
      { signal: abort.signal },
    );
    try {
      const completion = await Promise.race([call, deadline]);
      const content: unknown = completion?.choices?.[0]?.message?.content;
      if (typeof content !== 'string') throw new LlmCallError('malformed');
      return content;
    } catch (error) {
      throw error instanceof LlmCallError ? error : new LlmCallError(classify(error));
    } finally {
      clearTimeout(timer);
      // The loser of the race must not become an unhandled rejection.
      void call.catch(() => undefined);
    }
  }
}

function classify(error: unknown): string {
  if (error instanceof OpenAI.APIConnectionTimeoutError || error instanceof OpenAI.APIUserAbortError) return 'timeout';
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') return `http-${error.status}`;
  if (error instanceof OpenAI.APIConnectionError) return 'connection';
  // By name: fetch's body parser throws a SyntaxError of another realm under a test VM, not `instanceof` ours.
  if ((error as { name?: unknown } | null)?.name === 'SyntaxError') return 'malformed';
  return 'error';
}
