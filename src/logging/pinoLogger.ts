/**
 * The production logger: pino writing JSON lines to stderr (stdout stays the console user's), behind the
 * core's Logger interface so the core never imports pino. Every line is scrubbed by the redactor first:
 * fields at any depth and the message string itself, since libraries put URLs and tokens in messages.
 */
import pino from 'pino';
import type { Logger, LogLevel } from '../core/logger';
import { createRedactor, type Redactor } from './redact';

export interface PinoLoggerOptions {
  level: LogLevel;
  /** Exact secret values of this process (tokens, signing secret), masked wherever they appear. */
  secrets?: (string | undefined)[];
  /** Where lines go; stderr (synchronously, so a crash's last line is not lost) by default. */
  destination?: pino.DestinationStream;
}

export function createPinoLogger(options: PinoLoggerOptions): Logger {
  const base = pino(
    {
      level: options.level,
      messageKey: 'message',
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ fd: 2, sync: true }),
  );
  return wrap(base, createRedactor(options.secrets));
}

function wrap(instance: pino.Logger, redactor: Redactor): Logger {
  const at = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    // Checked first: a disabled level costs nothing, not a scrub.
    if (!instance.isLevelEnabled(level)) return;
    const scrubbed = fields ? (redactor.value(fields) as Record<string, unknown>) : {};
    instance[level](scrubbed, redactor.string(message));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings) => lazyChild(() => wrap(instance.child(redactor.value(bindings) as Record<string, unknown>), redactor)),
  };
}

/**
 * Every request gets a child logger, and most requests log nothing: the pino child is made on the first
 * line only (making it per request cost about 2% of the Slack bench's CPU).
 */
function lazyChild(make: () => Logger): Logger {
  let made: Logger | undefined;
  const get = () => (made ??= make());
  return {
    debug: (message, fields) => get().debug(message, fields),
    info: (message, fields) => get().info(message, fields),
    warn: (message, fields) => get().warn(message, fields),
    error: (message, fields) => get().error(message, fields),
    child: (bindings) => get().child!(bindings),
  };
}
