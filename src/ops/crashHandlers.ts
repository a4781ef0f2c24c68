/**
 * Last-resort handlers: an unhandled rejection or uncaught exception is logged with its stack (the logger
 * writes synchronously, so the line is out before the exit) and the process exits non-zero, for the
 * supervisor to restart it, rather than running on in an unknown state.
 */
import type { Logger } from '../core/logger';

export function installCrashHandlers(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection; exiting', { error: reason });
    exit(1);
  });
  process.on('uncaughtException', (error, origin) => {
    logger.error('uncaught exception; exiting', { error, origin });
    exit(1);
  });
}
