/**
 * `npm run --silent mentor -- <command> [args] [--user ID] [--json] [--share]`: one request, one answer,
 * then exit. `ask`/`say` take free text; every registry command works by its id. Exit codes: 0 answered,
 * 1 refused (bad arguments; nothing changed), 2 usage error.
 */
import 'dotenv/config';
import { loadConfig } from '../../config';
import { COMMAND_DEFINITIONS, PUBLIC_COMMANDS } from '../../core/commands/definitions';
import type { MentorRequest } from '../../core/request';
import { createRuntime } from '../../runtime';
import { saveImage } from './image';
import { replyToConsole } from './render';
import { runConsole } from './repl';

export interface CliArgs {
  command: string;
  text: string;
  user: string;
  json: boolean;
  share: boolean;
}

const USAGE = `Usage: mentor <command> [text] [--user ID] [--json] [--share]
Commands: ${PUBLIC_COMMANDS.map((c) => c.id).join(', ')}, say <text> (a direct message), chat (interactive)`;

export function parseCliArgs(argv: string[]): CliArgs | { error: string } {
  const positional: string[] = [];
  let user = 'local';
  let json = false;
  let share = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--share') share = true;
    else if (arg === '--user' || arg.startsWith('--user=')) {
      const value = arg === '--user' ? argv[++i] : arg.slice('--user='.length);
      if (!value || value.startsWith('--')) return { error: '--user needs an ID, for example --user alice' };
      user = value;
    } else if (arg === '--help' || arg === '-h') return { error: USAGE };
    else if (arg.startsWith('--')) return { error: `Unknown option ${arg}.\n${USAGE}` };
    else positional.push(arg);
  }
  const [command = 'chat', ...rest] = positional;
  return { command: command.toLowerCase(), text: rest.join(' '), user, json, share };
}

export function toRequest(args: CliArgs): MentorRequest {
  if (args.command === 'say') return { kind: 'message', userId: args.user, text: args.text };
  return { kind: 'command', userId: args.user, command: args.command, text: args.text, share: args.share };
}

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if ('error' in parsed) {
    process.stderr.write(`${parsed.error}\n`);
    return 2;
  }
  const config = loadConfig();
  // stdout is the answer; only warnings and errors go to stderr unless asked for more.
  const { store, mentor } = createRuntime({ ...config, LOG_LEVEL: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL });
  try {
    if (parsed.command === 'chat') {
      await runConsole({ mentor, userId: parsed.user, input: process.stdin, output: process.stdout });
      return 0;
    }
    const known = parsed.command === 'say' || COMMAND_DEFINITIONS.some((c) => c.id === parsed.command);
    if (!known) {
      process.stderr.write(`Unknown command "${parsed.command}".\n${USAGE}\n`);
      return 2;
    }
    const reply = await mentor.handle(toRequest(parsed));
    if (reply.error) {
      process.stderr.write(`${reply.text}\n`);
      return 1;
    }
    if (parsed.json) {
      process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
      return 0;
    }
    process.stdout.write(`${replyToConsole(reply).text}\n`);
    const picture = await saveImage(reply, parsed.user);
    if (picture) process.stdout.write(`\n${picture}\n`);
    return 0;
  } finally {
    await store.disconnect();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`mentor: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
