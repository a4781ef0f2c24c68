/**
 * The engine remembers its answers by what it reads of a profile (engineKey.ts). Over many generated
 * profiles, with times in every order, a remembered answer must equal one computed from scratch.
 */
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { computeNextStep, nextStep } from '../../src/core/engine/nextStep';
import { computeStatusMap, statusMap } from '../../src/core/engine/skillGraph';
import { engineKey } from '../../src/core/engine/engineKey';
import { newProfile, TOPIC_STATUSES, type Profile } from '../../src/core/profile/profile';

const kb = loadKnowledgeBase();

/** Deterministic, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function generated(next: () => number, shift: number): Profile {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  // A few distinct minutes, so times tie and come in every order; `shift` moves them all, keeping their order.
  const time = () => new Date(Date.UTC(2026, 0, 1, 0, Math.floor(next() * 4)) + shift).toISOString();
  const profile: Profile = { ...newProfile('u', new Date(Date.UTC(2026, 0, 1, 0, Math.floor(next() * 4)) + shift)), topics: {} };
  if (next() < 0.5) profile.background = pick(kb.backgrounds).id;
  if (next() < 0.4) profile.goal = { id: pick(kb.goals).id, text: 'a goal' };
  const count = Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    profile.topics[pick(kb.topics).id] = { status: pick(TOPIC_STATUSES), previous: 'none', updatedAt: time() };
  }
  return profile;
}

describe('remembered engine answers', () => {
  it('equal answers computed from scratch, whatever the times', () => {
    for (let seed = 1; seed <= 600; seed++) {
      for (const shift of [0, 37 * 60_000]) {
        const profile = generated(random(seed), shift);
        expect(nextStep(kb, profile)).toEqual(computeNextStep(kb, profile));
        expect(statusMap(kb, profile)).toEqual(computeStatusMap(kb, profile));
      }
    }
  });

  it('tells apart profiles whose times come in another order', () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();
    const base = newProfile('u', new Date(at(5)));
    const first: Profile = { ...base, topics: { python: { status: 'todo', previous: 'none', updatedAt: at(1) }, pytorch: { status: 'done', previous: 'none', updatedAt: at(2) } } };
    const second: Profile = { ...base, topics: { python: { status: 'todo', previous: 'none', updatedAt: at(3) }, pytorch: { status: 'done', previous: 'none', updatedAt: at(2) } } };
    expect(engineKey(first, true)).not.toBe(engineKey(second, true));
    expect(engineKey(first, true)).toBe(engineKey({ ...first, userId: 'someone else', tipsShown: 3 }, true));
  });

  it('hands out answers no caller can change', () => {
    const step = nextStep(kb, newProfile('u', new Date()));
    if (step.kind !== 'recommendation') throw new Error('a new learner has a next step');
    expect(() => (step.recommendation.reasons as string[]).push('changed')).toThrow(TypeError);
  });
});
