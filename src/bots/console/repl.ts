/**
 * The console mentor: a terminal conversation that behaves like a DM. Lines are free text; `/command args`
 * runs a registry command; a number presses the numbered button of the last answer; `exit` quits.
 * The default front end when no Slack or Discord token is configured.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { parseCommandLine } from '../../core/commands/definitions';
import type { Button } from '../../core/reply';
import type { MentorRequest, MentorService, Place } from '../../core/request';
import { saveImage } from './image';
import { replyToConsole } from './render';
import type { ConsoleTipSender } from './tipSender';

export interface ConsoleOptions {
  mentor: MentorService;
  userId: string;
  input: Readable;
  output: Writable;
  /** Where daily tips are printed while the console is open (the app's console tip sender). */
  tips?: ConsoleTipSender;
}

/** The console is the person's own conversation with the mentor, like a DM: `tips on` there is personal. */
const CONSOLE_PLACE: Place = { platform: 'console', direct: true };

export function lineToRequest(line: string, userId: string, buttons: Button[]): MentorRequest {
  const trimmed = line.trim();
  const place = CONSOLE_PLACE;
  const pressed = /^\d{1,2}$/.test(trimmed) ? buttons[Number(trimmed) - 1] : undefined;
  if (pressed) return { kind: 'action', userId, actionId: pressed.actionId, value: pressed.value, place };
  if (trimmed.startsWith('/')) {
    const { command, text, share } = parseCommandLine(trimmed.slice(1));
    return { kind: 'command', userId, command, text, share, place };
  }
  return { kind: 'message', userId, text: trimmed, place };
}

export async function runConsole({ mentor, userId, input, output, tips }: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input, output, terminal: false });
  const write = (text: string) => output.write(`${text}\n`);
  write('ML Engineer Mentor. Ask me anything about becoming an ML engineer, or type "help". "exit" quits.');
  // The one-shot CLI (`npm run mentor -- next`) defaults to the same name, so both see one profile.
  write(`You are "${userId}" here, the same person as the one-shot CLI's default --user; your progress is kept between runs.`);
  output.write('> ');
  let buttons: Button[] = [];
  const detach = tips?.attach({
    print: (text) => output.write(`\n${text}\n> `),
    offer: (offered) => {
      buttons = offered;
    },
  });
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
  detach?.();
  rl.close();
  write('Bye!');
}
