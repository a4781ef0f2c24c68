/** Runs the console CLI as a separate process, exactly as `npm run --silent mentor -- ...` does. */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(ROOT, 'src', 'bots', 'console', 'cli.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MAIN = path.join(ROOT, 'src', 'main.ts');

export function runCli(args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return runScript(CLI, args, env, input);
}

/** `npm start` without its install step: the main entry point. */
export function runMain(env: Record<string, string>, input: string): Promise<CliResult> {
  return runScript(MAIN, [], env, input);
}

function runScript(script: string, args: string[], env: Record<string, string>, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [script, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}
