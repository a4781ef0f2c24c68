/**
 * The production logger: pino writing JSON lines to stderr (stdout stays the console user's), behind the
 * core's Logger interface so the core never imports pino. Every line is scrubbed by the redactor first:
 * fields at any depth and the message string itself, since libraries put URLs and tokens in messages.
 */
import type pino from 'pino';
import type { Logger, LogLevel } from '../core/logger';
import { createRedactor, type Redactor } from './redact';

type Level = Exclude<LogLevel, 'silent'>;

/** pino's own level values, to decide whether a line is written before pino is loaded. */
const LEVEL_VALUES: Record<LogLevel, number> = { debug: 20, info: 30, warn: 40, error: 50, silent: Infinity };

export interface PinoLoggerOptions {
  level: LogLevel;
  /** Exact secret values of this process (tokens, signing secret), masked wherever they appear. */
  secrets?: (string | undefined)[];
  /** Where lines go; stderr (synchronously, so a crash's last line is not lost) by default. */
  destination?: pino.DestinationStream;
}

/**
 * pino (about 30 modules) is loaded when the first line is written: a one-shot CLI answer, logging at
 * `warn`, usually writes none and starts without it.
 */
export function createPinoLogger(options: PinoLoggerOptions): Logger {
  let instance: pino.Logger | undefined;
  const base = () => (instance ??= createPino(options));
  return wrap(base, (level) => LEVEL_VALUES[level] >= LEVEL_VALUES[options.level], createRedactor(options.secrets));
}

function createPino(options: PinoLoggerOptions): pino.Logger {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const create = require('pino') as typeof pino;
  return create(
    {
      level: options.level,
      messageKey: 'message',
      base: { pid: process.pid },
      timestamp: create.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? create.destination({ fd: 2, sync: true }),
  );
}

function wrap(instance: () => pino.Logger, isEnabled: (level: Level) => boolean, redactor: Redactor): Logger {
  const at = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    // Checked first: a disabled level costs nothing, not a scrub.
    if (!isEnabled(level)) return;
    const scrubbed = fields ? (redactor.value(fields) as Record<string, unknown>) : {};
    instance()[level](scrubbed, redactor.string(message));
  };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (bindings) =>
      lazyChild(() => {
        const child = instance().child(redactor.value(bindings) as Record<string, unknown>);
        return wrap(() => child, (level) => child.isLevelEnabled(level), redactor);
      }, isEnabled),
  };
}

/**
 * Every request gets a child logger, and most requests log nothing: the pino child is made on the first
 * line written only (making it per request cost about 2% of the Slack bench's CPU), not for a line of a
 * level that is off (a child logs at its parent's level).
 */
function lazyChild(make: () => Logger, isEnabled: (level: Level) => boolean): Logger {
  let made: Logger | undefined;
  const get = () => (made ??= make());
  const at = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (isEnabled(level)) get()[level](message, fields);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (bindings) => get().child!(bindings) };
}
