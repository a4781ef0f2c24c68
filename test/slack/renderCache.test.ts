import { reply } from '../../src/core/reply';
import { replyToSlackMessages } from '../../src/bots/slack/render';
import { renderRemembered } from '../../src/bots/slack/renderCache';
import { deepFreeze } from '../../src/core/deepFreeze';

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

  it('tell replies apart by every part the renderer reads', () => {
    expect(renderRemembered(answer('Python'))).not.toEqual(renderRemembered(answer('PyTorch')));
    // Same text, a different button value: a different message.
    const pressed = answer('Python');
    const other = { ...pressed, blocks: [...pressed.blocks.slice(0, 2), { type: 'buttons' as const, buttons: [{ label: 'Done', actionId: 'done', value: 'python-2' }] }] };
    expect(renderRemembered(other)).toEqual(replyToSlackMessages(other));
    // Visibility is the delivery's business, not the rendering's.
    expect(renderRemembered({ ...answer('Python'), visibility: 'public' })).toBe(renderRemembered(answer('Python')));
  });

  it('know a frozen reply again by its blocks, and only with the same text', () => {
    const frozen = deepFreeze(answer('Spark'));
    const first = renderRemembered(frozen);
    expect(renderRemembered({ ...frozen, visibility: 'public' })).toBe(first);
    const retitled = { ...frozen, text: 'Something else entirely' };
    expect(renderRemembered(retitled)).toEqual(replyToSlackMessages(retitled));
  });

  it('never serve a changed reply the rendering of what it was', () => {
    const changing = answer('Kubeflow');
    renderRemembered(changing);
    changing.blocks[0] = { type: 'heading', text: 'Your next step: Airflow' };
    changing.text = 'Your next step: Airflow';
    expect(JSON.stringify(renderRemembered(changing))).toContain('Airflow');
  });

  it('cannot be changed by whoever sends them', () => {
    const [message] = renderRemembered(answer('Keras'));
    expect(() => (message!.blocks as unknown[]).push({ type: 'divider' })).toThrow(TypeError);
    expect(() => ((message!.blocks[0] as { type: string }).type = 'divider')).toThrow(TypeError);
  });
});
