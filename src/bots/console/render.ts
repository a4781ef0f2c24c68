/** Renders a Reply for the terminal: the plain text, with buttons numbered so they can be pressed by typing. */
import type { Button, Reply } from '../../core/reply';

export interface ConsoleMessage {
  text: string;
  /** Buttons in display order; typing `n` presses buttons[n-1]. */
  buttons: Button[];
}

export function replyToConsole(reply: Reply): ConsoleMessage {
  const buttons: Button[] = [];
  const parts = reply.blocks.map((block) => {
    switch (block.type) {
      case 'heading':
        return `== ${block.text} ==`;
      case 'text':
        return block.text;
      case 'bullets':
        return block.items.map((i) => `  - ${i}`).join('\n');
      case 'fields':
        return block.fields.map((f) => `  ${f.label}: ${f.value}`).join('\n');
      case 'links':
        return block.links.map((l) => `  * ${l.title} <${l.url}>`).join('\n');
      case 'source':
        return `  (${block.text})`;
      case 'buttons':
        return block.buttons
          .map((b) => {
            buttons.push(b);
            return `[${buttons.length}] ${b.label}`;
          })
          .join('   ');
    }
  });
  return { text: parts.join('\n\n'), buttons };
}
