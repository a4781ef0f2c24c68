/**
 * The mentor as a separate process (`node dist/main.js`, or src/main.ts through tsx), the way a supervisor
 * runs it: its stderr log lines are parsed as they come, and tests wait on them instead of sleeping.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

export interface AppLogLine {
  level: string;
  message: string;
  [key: string]: unknown;
}

export interface AppProcess {
  child: ChildProcess;
  logs: AppLogLine[];
  stdout(): string;
  stderr(): string;
  /** Resolves with the first log line that matches; rejects if the process exits first. */
  waitForLog(match: (line: AppLogLine) => boolean, timeoutMs?: number): Promise<AppLogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGTERM if still running, then waits for the exit. */
  stop(): Promise<void>;
}

/** Runs src/main.ts through tsx (tests of the sources) or a compiled entry with this very node binary. */
export function startApp(entry: { source: string } | { compiled: string }, env: Record<string, string>, cwd = ROOT): AppProcess {
  const [command, args] =
    'source' in entry
      ? [process.execPath, ['--import', 'tsx', path.join(ROOT, entry.source)]]
      : [process.execPath, [entry.compiled]];
  const child = spawn(command, args, {
    cwd,
    // No .env from the developer's checkout: every setting comes from here.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', SLACK_APP_TOKEN: '', DISCORD_TOKEN: '', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let partial = '';
  const logs: AppLogLine[] = [];
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as AppLogLine);
      } catch {
        // plain text (a start-up error): kept in stderr()
      }
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: performance.now() })),
  );

  const waitForLog = (match: (line: AppLogLine) => boolean, timeoutMs = 20_000) =>
    new Promise<AppLogLine>((resolve, reject) => {
      const check = () => {
        const found = logs.find(match);
        if (!found) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching log line within ${timeoutMs} ms; stderr:\n${err}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      void exited.then(() => {
        cleanup();
        reject(new Error(`the app exited before the log line; stderr:\n${err}`));
      });
      check();
    });

  return {
    child,
    logs,
    stdout: () => out,
    stderr: () => err,
    waitForLog,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export const listeningPort = (line: AppLogLine): number => Number(line.port);
