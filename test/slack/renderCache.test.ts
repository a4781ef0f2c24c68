import { reply } from '../../src/core/reply';
import { replyToSlackMessages } from '../../src/bots/slack/render';
import { renderRemembered } from '../../src/bots/slack/renderCache';

const answer = (name: string) =>
  reply([
    { type: 'heading', text: `Your next step: ${name}` },
    { type: 'bullets', items: ['one & two', '<three>'] },
    { type: 'buttons', buttons: [{ label: 'Done', actionId: 'done', value: name }] },
  ]);

describe('remembered Slack renderings', () => {
  it('render an equal reply as the renderer does, once', () => {
    const first = renderRemembered(answer('Python'));
    expect(first).toEqual(replyToSlackMessages(answer('Python')));
    expect(renderRemembered(answer('Python'))).toBe(first);
  });

  it('tell replies apart by every part of them', () => {
    expect(renderRemembered(answer('Python'))).not.toEqual(renderRemembered(answer('PyTorch')));
    expect(renderRemembered({ ...answer('Python'), visibility: 'public' })).not.toBe(renderRemembered(answer('Python')));
  });

  it('cannot be changed by whoever sends them', () => {
    const [message] = renderRemembered(answer('Keras'));
    expect(() => (message!.blocks as unknown[]).push({ type: 'divider' })).toThrow(TypeError);
    expect(() => ((message!.blocks[0] as { type: string }).type = 'divider')).toThrow(TypeError);
  });
});
