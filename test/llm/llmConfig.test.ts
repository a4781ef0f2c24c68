/** LLM configuration: off by default, validated, wired by the runtime only with a base URL, key never logged. */
import { loadConfig, ConfigError } from '../../src/config';
import { createRuntime } from '../../src/runtime';
import { RephrasingMentor } from '../../src/llm/rephrasingMentor';
import { createPinoLogger } from '../../src/logging/pinoLogger';
import { secretValues } from '../../src/logging/redact';
import { startOpenAIFake, faithful, type OpenAIFake } from '../helpers/openaiFake';

let fake: OpenAIFake;
beforeAll(async () => {
  fake = await startOpenAIFake(faithful);
});
afterAll(() => fake.close());

describe('LLM configuration', () => {
  it('is off by default with a budget of a few seconds and every surface listed', () => {
    const config = loadConfig({ LLM_BASE_URL: '', OPENAI_API_KEY: '' });
    expect(config).toMatchObject({ LLM_BASE_URL: undefined, OPENAI_API_KEY: undefined, LLM_TIMEOUT_MS: 4000, LLM_SURFACES: ['dm', 'commands', 'tips'] });
    expect(loadConfig({ LLM_SURFACES: 'tips' }).LLM_SURFACES).toEqual(['tips']);
    expect(loadConfig({ LLM_SURFACES: '' }).LLM_SURFACES).toEqual([]);
  });

  it('rejects an unknown surface, a bad URL and an absurd timeout without echoing the key', () => {
    const attempt = () => loadConfig({ LLM_SURFACES: 'dm,email', LLM_BASE_URL: 'localhost', LLM_TIMEOUT_MS: '5', OPENAI_API_KEY: 'sk-do-not-echo-me-123456' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as Error).message).toMatch(/LLM_BASE_URL/);
      expect((error as Error).message).toMatch(/LLM_TIMEOUT_MS/);
      expect((error as Error).message).not.toContain('sk-do-not-echo-me');
    }
  });

  it('wires the rephrasing mentor only when LLM_BASE_URL is set, and it answers through the fake', async () => {
    expect(createRuntime(loadConfig({ STORE_URL: 'memory', LOG_LEVEL: 'silent' })).mentor).not.toBeInstanceOf(RephrasingMentor);
    const runtime = createRuntime(loadConfig({ STORE_URL: 'memory', LOG_LEVEL: 'silent', LLM_BASE_URL: fake.baseURL, LLM_MODEL: 'fake-model' }));
    expect(runtime.mentor).toBeInstanceOf(RephrasingMentor);
    const answer = await runtime.mentor.handle({ kind: 'message', userId: 'rt', text: 'what is keras?' });
    expect(answer.text).toMatch(/^Happy to help! Keras/);
  });

  it('redacts the API key from log lines, whatever its shape', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'ollama-local-key-42' });
    const lines: string[] = [];
    const logger = createPinoLogger({ level: 'info', secrets: secretValues(config), destination: { write: (line: string) => void lines.push(line) } });
    logger.info('calling http://127.0.0.1/v1 with ollama-local-key-42', { error: new Error('401 for key ollama-local-key-42') });
    expect(lines.join('')).not.toContain('ollama-local-key-42');
  });
});
