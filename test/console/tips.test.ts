/** Daily tips in the terminal: printed while the console is open, their buttons pressed by number. */
import { PassThrough } from 'node:stream';
import { ConsoleTipSender } from '../../src/bots/console/tipSender';
import { lineToRequest, runConsole } from '../../src/bots/console/repl';
import { createMentor } from '../../src/core/mentor';
import { reply } from '../../src/core/reply';
import { createState } from '../../src/storage/createState';

const tip = reply(
  [
    { type: 'heading', text: 'Tip: Python' },
    { type: 'text', text: 'Write a little code every day.' },
    { type: 'buttons', buttons: [{ label: 'What should I learn next?', actionId: 'next', value: '' }] },
  ],
  'public',
);

test('a tip is printed while the console is open, and "1" then presses its button', async () => {
  const sender = new ConsoleTipSender();
  const mentor = createMentor({ store: createState('memory') });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d: Buffer) => (printed += d.toString()));
  const running = runConsole({ mentor, userId: 'dana', input, output, tips: sender });
  await new Promise((resolve) => setImmediate(resolve));

  await expect(sender.send({}, tip)).resolves.toEqual({ kind: 'sent' });
  expect(printed).toContain('Write a little code every day.');
  input.end('1\n');
  await running;
  // The press ran `next`: the console printed a next-step answer after the tip.
  expect(printed.slice(printed.indexOf('Write a little code'))).toMatch(/next step/i);
  // Closed console: nowhere to post, so the send fails and the scheduler retries later.
  await expect(sender.send({}, tip)).rejects.toThrow('the console is not open');
});

test('requests typed in the console are direct, on the console platform', () => {
  expect(lineToRequest('/tips on 08:00', 'u', []).place).toEqual({ platform: 'console', direct: true });
});
