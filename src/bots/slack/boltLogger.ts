/**
 * Bolt and the Web API client log through `@slack/logger`'s interface; this routes those lines into the
 * app's structured logger, so they share its level, format and secret masking.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger, LogLevel as LogLevelName } from '../../core/logger';

const describe = (value: unknown): string => {
  if (value instanceof Error) return value.message;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/** Bolt's level for the app's LOG_LEVEL (Bolt has no "silent": errors are still passed on and dropped there). */
export function boltLogLevel(level: LogLevelName): LogLevel {
  return { debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN, error: LogLevel.ERROR, silent: LogLevel.ERROR }[level];
}

export function toBoltLogger(logger: Logger, name = 'slack'): BoltLogger {
  let level = LogLevel.INFO;
  const line = (parts: unknown[]) => parts.map(describe).join(' ');
  // An Error among the parts goes along as a field, so its stack and cause are logged too.
  const fields = (parts: unknown[]) => {
    const error = parts.find((part) => part instanceof Error);
    return error ? { source: name, error } : { source: name };
  };
  // Bolt and the Web API client log several debug lines per request: skip formatting them unless wanted.
  const enabled = (at: LogLevel) => SEVERITY[at] >= SEVERITY[level];
  return {
    debug: (...msg: unknown[]) => enabled(LogLevel.DEBUG) && logger.debug(line(msg), fields(msg)),
    info: (...msg: unknown[]) => enabled(LogLevel.INFO) && logger.info(line(msg), fields(msg)),
    warn: (...msg: unknown[]) => enabled(LogLevel.WARN) && logger.warn(line(msg), fields(msg)),
    error: (...msg: unknown[]) => logger.error(line(msg), fields(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}
