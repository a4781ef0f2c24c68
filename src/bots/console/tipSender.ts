/**
 * Daily tips in the terminal: while the console mentor is open, a due tip is printed between answers and
 * its buttons become the numbers to type, as with any answer. With no console open there is nowhere to
 * post, so the send fails and the scheduler retries it (within its catch-up window) once one is open.
 */
import type { Button, Reply } from '../../core/reply';
import type { SendOutcome, TipSender } from '../../core/tips/model';
import { replyToConsole } from './render';

export interface ConsoleScreen {
  /** Prints a block of text above the prompt. */
  print(text: string): void;
  /** The printed tip's buttons become the ones a typed number presses. */
  offer(buttons: Button[]): void;
}

export class ConsoleTipSender implements TipSender {
  readonly platform = 'console' as const;
  private screen: ConsoleScreen | undefined;

  /** Called by the console while it is open; returns the detach function. */
  attach(screen: ConsoleScreen): () => void {
    this.screen = screen;
    return () => {
      if (this.screen === screen) this.screen = undefined;
    };
  }

  send(_subscription: unknown, reply: Reply): Promise<SendOutcome> {
    if (!this.screen) return Promise.reject(new Error('the console is not open'));
    const shown = replyToConsole(reply);
    this.screen.print(shown.text);
    this.screen.offer(shown.buttons);
    return Promise.resolve({ kind: 'sent' });
  }
}
