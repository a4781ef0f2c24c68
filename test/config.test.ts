import { loadConfig, ConfigError } from '../src/config';
import { createLogger } from '../src/core/logger';

describe('configuration', () => {
  it('defaults to the embedded SQLite store and port 3000, also for empty lines in .env', () => {
    const config = loadConfig({ PORT: '', SLACK_BOT_TOKEN: '' });
    expect(config.STORE_URL).toBe('sqlite://data/mentor.sqlite');
    expect(config.PORT).toBe(3000);
    expect(config.SLACK_BOT_TOKEN).toBeUndefined();
  });

  it('rejects a bad store URL and port without echoing any secret', () => {
    let error: unknown;
    try {
      loadConfig({ STORE_URL: 'mysql://db', PORT: '99999', SLACK_BOT_TOKEN: 'xoxb-very-secret', DISCORD_API_URL: 'not a url' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('STORE_URL');
    expect(message).toContain('PORT');
    expect(message).toContain('DISCORD_API_URL');
    expect(message).not.toContain('xoxb-very-secret');
  });
});

describe('logger', () => {
  it('never writes values of secret-looking fields', () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    logger.info('starting', { SLACK_BOT_TOKEN: 'xoxb-1', signingSecret: 's3', apiKey: 'k', authorization: 'Bearer t', user: 'U1' });
    logger.debug('hidden at debug', {});
    expect(lines).toHaveLength(2);
    const record = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'info', message: 'starting', user: 'U1', SLACK_BOT_TOKEN: '[redacted]', signingSecret: '[redacted]', apiKey: '[redacted]', authorization: '[redacted]' });
    expect(lines.join('\n')).not.toMatch(/xoxb-1|s3|Bearer t/);
  });

  it('respects the level', () => {
    const lines: string[] = [];
    createLogger('warn', (line) => lines.push(line)).info('quiet', {});
    expect(lines).toEqual([]);
  });
});
