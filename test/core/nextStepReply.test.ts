/**
 * The next-step answer is remembered per recommendation: learners whose profiles read the same get one
 * frozen reply, and anything the answer shows that differs between them (the topic's status, whether a
 * background was given) gives a different one.
 */
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { nextStep } from '../../src/core/engine/nextStep';
import { nextStepReply } from '../../src/core/answers/topics';
import { newProfile, setTopicStatus, type Profile } from '../../src/core/profile/profile';

const kb = loadKnowledgeBase();
const NOW = new Date('2026-11-27T10:00:00Z');

function answerFor(profile: Profile) {
  const step = nextStep(kb, profile);
  if (step.kind !== 'recommendation') throw new Error('expected a recommendation');
  return nextStepReply(kb, profile, step.recommendation);
}
const actions = (reply: ReturnType<typeof answerFor>) => reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons.map((x) => x.actionId) : []));

describe('the next-step answer', () => {
  it('is one frozen reply for every new learner', () => {
    const first = answerFor(newProfile('u1', NOW));
    const second = answerFor(newProfile('u2', new Date('2026-11-28T09:00:00Z')));
    expect(second).toBe(first);
    expect(Object.isFrozen(first.blocks)).toBe(true);
    expect(() => (first.blocks as unknown[]).push({ type: 'text', text: 'x' })).toThrow(TypeError);
    expect(() => ((first.blocks[0] as { text: string }).text = 'changed')).toThrow(TypeError);
  });

  it('differs where the learner differs: a background given, the topic being learned', () => {
    const fresh = answerFor(newProfile('u1', NOW));
    expect(actions(fresh)).toContain('profile');
    const withBackground = answerFor({ ...newProfile('u3', NOW), background: 'student' });
    expect(actions(withBackground)).not.toContain('profile');

    const topic = fresh.about!.next!;
    const learning = answerFor(setTopicStatus(newProfile('u4', NOW), topic, 'learning', NOW));
    expect(learning.about!.next).toBe(topic);
    expect(actions(fresh)).toContain('learning');
    expect(actions(learning)).not.toContain('learning');
    expect(learning.blocks[0]).toEqual({ type: 'heading', text: expect.stringMatching(/^Keep going with/) });
  });
});
