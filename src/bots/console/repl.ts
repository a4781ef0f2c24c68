/**
 * The console mentor: a terminal conversation that behaves like a DM. Lines are free text; `/command args`
 * runs a registry command; a number presses the numbered button of the last answer; `exit` quits.
 * The default front end when no Slack or Discord token is configured.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseCommandLine } from '../../core/commands/definitions';
import type { Button } from '../../core/reply';
import type { MentorRequest, MentorService } from '../../core/request';
import { saveImage } from './image';
import { replyToConsole } from './render';

export interface ConsoleOptions {
  mentor: MentorService;
  userId: string;
  input: Readable;
  output: Writable;
}

export function lineToRequest(line: string, userId: string, buttons: Button[]): MentorRequest {
  const trimmed = line.trim();
  const pressed = /^\d{1,2}$/.test(trimmed) ? buttons[Number(trimmed) - 1] : undefined;
  if (pressed) return { kind: 'action', userId, actionId: pressed.actionId, value: pressed.value };
  if (trimmed.startsWith('/')) {
    const { command, text, share } = parseCommandLine(trimmed.slice(1));
    return { kind: 'command', userId, command, text, share };
  }
  return { kind: 'message', userId, text: trimmed };
}

export async function runConsole({ mentor, userId, input, output }: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input, output, terminal: false });
  const write = (text: string) => output.write(`${text}\n`);
  write('ML Engineer Mentor. Ask me anything about becoming an ML engineer, or type "help". "exit" quits.');
  // The one-shot CLI (`npm run mentor -- next`) defaults to the same name, so both see one profile.
  write(`You are "${userId}" here, the same person as the one-shot CLI's default --user; your progress is kept between runs.`);
  output.write('> ');
  let buttons: Button[] = [];
  for await (const line of rl) {
    if (/^(exit|quit)$/i.test(line.trim())) break;
    const reply = await mentor.handle(lineToRequest(line, userId, buttons));
    const shown = replyToConsole(reply);
    buttons = shown.buttons;
    write(shown.text);
    const picture = await saveImage(reply, userId);
    if (picture) write(`\n${picture}`);
    output.write('> ');
  }
  rl.close();
  write('Bye!');
}
