/**
 * One orderly shutdown for SIGTERM and SIGINT, whichever comes first (later signals are ignored):
 * readiness goes false, every front end stops taking new work, replies already under way are finished,
 * all front ends stop in parallel under one deadline, the store is closed with a timeout, and the process
 * exits 0 (1 if the deadline passed with work unfinished).
 */
import type { Logger } from '../core/logger';
import type { Health } from './health';

export interface FrontEnd {
  name: string;
  /** Refuse new requests and events from now on; work already received continues. */
  stopIntake(): void | Promise<void>;
  /** Finish the work in flight, then disconnect. */
  stop(): Promise<void>;
}

export interface ShutdownDeps {
  logger: Logger;
  health?: Health;
  frontEnds: FrontEnd[];
  /** Closes the store (and any health server); bounded by storeTimeoutMs. */
  closeResources: () => Promise<void>;
  deadlineMs?: number;
  storeTimeoutMs?: number;
  exit?: (code: number) => void;
}

export const SHUTDOWN_DEADLINE_MS = 10_000;
const STORE_CLOSE_TIMEOUT_MS = 2_000;

/** Resolves true when `work` settles in time, false when the time runs out first. */
export async function within(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createShutdown(deps: ShutdownDeps): (reason: string) => Promise<void> {
  const { logger } = deps;
  const exit = deps.exit ?? ((code: number) => process.exit(code));
  let started: Promise<void> | undefined;

  const run = async (reason: string) => {
    const began = Date.now();
    const deadlineMs = deps.deadlineMs ?? SHUTDOWN_DEADLINE_MS;
    logger.info('shutting down', { reason, deadlineMs });
    deps.health?.markShuttingDown();
    const settle = (label: string, work: () => void | Promise<void>, name: string) =>
      Promise.resolve()
        .then(work)
        .catch((error: unknown) => logger.error(`${label} failed`, { frontEnd: name, error }));
    const stopAll = (async () => {
      // Intake stops everywhere before anything is disconnected, so no front end takes work another drops.
      await Promise.all(deps.frontEnds.map((f) => settle('stop intake', () => f.stopIntake(), f.name)));
      await Promise.all(deps.frontEnds.map((f) => settle('stop', () => f.stop(), f.name)));
    })();
    const inTime = await within(stopAll, deadlineMs);
    if (!inTime) logger.error('shutdown deadline passed with work unfinished', { deadlineMs });
    const closed = await within(deps.closeResources(), deps.storeTimeoutMs ?? STORE_CLOSE_TIMEOUT_MS);
    if (!closed) logger.warn('store did not close in time');
    logger.info('stopped', { ms: Date.now() - began });
    exit(inTime ? 0 : 1);
  };

  return (reason) => (started ??= run(reason));
}
