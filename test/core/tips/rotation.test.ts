import { nextStep } from '../../../src/core/engine/nextStep';
import { statusMap } from '../../../src/core/engine/skillGraph';
import { newProfile, setTopicStatus, type Profile } from '../../../src/core/profile/profile';
import { channelTip, personalTip, rotationOrder } from '../../../src/core/tips/chooseTip';
import { loadKnowledgeBase } from '../../../src/knowledge/load';

const kb = loadKnowledgeBase();
const N = kb.tips.length;
const AT = new Date('2027-06-01T00:00:00.000Z');

describe('channel rotation', () => {
  it('posts every tip once before any repeats, cycle after cycle, never the same tip twice in a row', () => {
    const posted = Array.from({ length: 3 * N }, (_, i) => channelTip(kb, 'slack:channel:C1', i).id);
    for (let cycle = 0; cycle < 3; cycle++) {
      const ids = posted.slice(cycle * N, (cycle + 1) * N);
      expect(new Set(ids).size).toBe(N);
    }
    for (let i = 1; i < posted.length; i++) expect(posted[i]).not.toBe(posted[i - 1]);
    // A new cycle has an order of its own.
    expect(posted.slice(N, 2 * N)).not.toEqual(posted.slice(0, N));
  });

  it('gives two channels different orders, and the same channel the same order on every instance', () => {
    const a = rotationOrder('slack:channel:C1', 0, N);
    const b = rotationOrder('discord:channel:900', 0, N);
    expect(a).not.toEqual(b);
    expect(rotationOrder('slack:channel:C1', 0, N)).toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: N }, (_, i) => i));
  });
});

describe('personal tips', () => {
  const closedTopics = (profile: Profile) => {
    const statuses = statusMap(kb, profile);
    return new Set(kb.topics.filter((t) => ['done', 'assumed', 'skipped'].includes(statuses.get(t.id)!)).map((t) => t.id));
  };

  /** Every tip a person gets over many days, each one remembered as recent. */
  function tipsOver(profile: Profile, days: number) {
    const recent: string[] = [];
    const picks = [];
    for (let i = 0; i < days; i++) {
      const pick = personalTip(kb, profile, recent)!;
      picks.push(pick);
      recent.push(pick.tip.id);
    }
    return picks;
  }

  it("start with the next step's topic and say so", () => {
    const profile = newProfile('p1', AT);
    const step = nextStep(kb, profile);
    if (step.kind !== 'recommendation') throw new Error('a newcomer has a next step');
    const first = personalTip(kb, profile, [])!;
    expect(first.tip.topic).toBe(step.recommendation.topic.id);
    expect(first.reason).toContain(step.recommendation.topic.name);
  });

  it('never come from a topic done or skipped, and follow the next step as it moves', () => {
    let profile = newProfile('p2', AT);
    for (const id of ['programming-basics', 'python', 'pytorch']) profile = setTopicStatus(profile, id, 'done', AT);
    profile = setTopicStatus(profile, 'r-and-julia', 'skipped', AT);
    profile = setTopicStatus(profile, 'automl', 'learning', AT);
    const closed = closedTopics(profile);
    expect(closed.has('pytorch')).toBe(true);
    expect(closed.has('r-and-julia')).toBe(true);
    const picks = tipsOver(profile, 3 * N);
    for (const pick of picks) expect(closed.has(pick.tip.topic ?? '')).toBe(false);
    const step = nextStep(kb, profile);
    if (step.kind !== 'recommendation') throw new Error('there is a next step');
    // Learning AutoML: the next step is to keep at it, and the tips say so.
    expect(step.recommendation.topic.id).toBe('automl');
    expect(picks[0]!.tip.topic).toBe('automl');
    // Every open tip comes before any repeat.
    const open = kb.tips.filter((t) => !closed.has(t.topic ?? ''));
    expect(new Set(picks.slice(0, open.length).map((p) => p.tip.id)).size).toBe(open.length);

    // Once AutoML is done, the tips move on with the next step.
    const later = setTopicStatus(profile, 'automl', 'done', AT);
    const laterStep = nextStep(kb, later);
    if (laterStep.kind !== 'recommendation') throw new Error('there is a next step');
    const next = personalTip(kb, later, picks.map((p) => p.tip.id))!;
    expect(next.tip.topic).not.toBe('automl');
    const stepTips = kb.tips.filter((t) => t.topic === laterStep.recommendation.topic.id);
    if (stepTips.length > 0) expect(personalTip(kb, later, [])!.tip.topic).toBe(laterStep.recommendation.topic.id);
  });
});
