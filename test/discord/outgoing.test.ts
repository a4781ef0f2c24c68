/** The last guard before sending: dropped buttons are reported, a message over a Discord limit never goes out. */
import { createLogger } from '../../src/core/logger';
import { reply } from '../../src/core/reply';
import { renderForSending, withinLimits } from '../../src/bots/discord/outgoing';
import { renderReply, type DiscordMessage } from '../../src/bots/discord/render';
import { limitViolations, visibleText } from '../helpers/discordMessages';
import type { LogLine } from '../helpers/discordHarness';

function capture() {
  const lines: LogLine[] = [];
  return { logger: createLogger('debug', (l) => lines.push(JSON.parse(l) as LogLine)), lines };
}

const oversize: DiscordMessage = { content: 'x'.repeat(2001), embeds: [], components: [], allowedMentions: { parse: [] } };

test('a message over a limit is replaced by the apology, which fits, and logged as an error', () => {
  const { logger, lines } = capture();
  const sent = withinLimits(logger, [{ ...oversize, content: 'fine' }, oversize]);
  expect(sent.map((m) => visibleText(m)).join('\n')).toMatch(/something went wrong/i);
  for (const m of sent) expect(limitViolations(m)).toEqual([]);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 'error', problems: [expect.stringMatching(/content has 2001/)] });
});

test('messages within every limit go out unchanged, with nothing logged', () => {
  const { logger, lines } = capture();
  const answer = reply([{ type: 'text', text: 'Hello' }, { type: 'buttons', buttons: [{ label: 'Next', actionId: 'next', value: '' }] }]);
  expect(renderForSending(logger, answer)).toEqual(renderReply(answer).messages);
  expect(lines).toEqual([]);
});

test('the renderer stays pure: it returns the buttons it left out, and the sender warns about them', () => {
  const answer = reply([{ type: 'buttons', buttons: [{ label: 'Long', actionId: 'answer', value: 'v'.repeat(120) }, { label: 'Ok', actionId: 'next', value: '' }] }]);
  expect(renderReply(answer).droppedButtons).toEqual(['answer']);
  const { logger, lines } = capture();
  renderForSending(logger, answer);
  expect(lines).toEqual([expect.objectContaining({ level: 'warn', actions: ['answer'] })]);
});
