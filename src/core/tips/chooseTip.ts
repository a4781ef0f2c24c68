/**
 * Which tip a post carries. Pure functions of the knowledge base, the subscription and what was sent.
 *
 * - A channel walks the whole collection in an order of its own (a permutation seeded by its subscription id
 *   and the cycle number), so it sees every tip once before any repeats and two channels do not post in step.
 * - A person gets tips about where they stand: their next step first, then what they are learning, then
 *   general tips, then the rest of their path; never a topic they have done, know already or skipped.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Tip } from '../../knowledge/schema';
import { nextStep } from '../engine/nextStep';
import { statusMap } from '../engine/skillGraph';
import type { Profile } from '../profile/profile';

/** FNV-1a: a stable 32-bit hash, the same on every instance and release. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** mulberry32: a small seeded generator; Math.random would give each instance its own order. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The order of one cycle through `count` tips for one channel. */
export function rotationOrder(subscriptionId: string, cycle: number, count: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = generator(hash(`${subscriptionId}#${cycle}`));
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // The last tip of a cycle is never the first of the next: no tip twice in a row.
  if (cycle > 0 && count > 1) {
    const previous = rotationOrder(subscriptionId, cycle - 1, count);
    if (order[0] === previous[count - 1]) [order[0], order[1]] = [order[1]!, order[0]!];
  }
  return order;
}

/** The channel's tip at position `posted` (how many tips it has been posted so far). */
export function channelTip(kb: KnowledgeBase, subscriptionId: string, posted: number): Tip {
  const count = kb.tips.length;
  const order = rotationOrder(subscriptionId, Math.floor(posted / count), count);
  return kb.tips[order[posted % count]!]!;
}

export interface PersonalTip {
  tip: Tip;
  /** Why this one: the next step or a topic being learned, for the post's first line. */
  reason?: string;
}

/**
 * The person's tip: tiers in order of relevance, the first tip not among the recently sent; when every
 * relevant tip was sent recently, the one sent longest ago. Undefined only when no tip fits at all.
 */
export function personalTip(kb: KnowledgeBase, profile: Profile, recentTips: readonly string[]): PersonalTip | undefined {
  const statuses = statusMap(kb, profile);
  const closed = (topic: string | undefined) => {
    if (!topic) return false;
    const status = statuses.get(topic);
    return status === 'done' || status === 'assumed' || status === 'skipped';
  };
  const step = nextStep(kb, profile);
  const nextTopic = step.kind === 'recommendation' ? step.recommendation.topic : undefined;
  const nextReason = step.kind !== 'recommendation' ? undefined : step.recommendation.continuing ? `You are learning ${step.recommendation.topic.name}.` : `Your next step is ${step.recommendation.topic.name}.`;
  const learning = kb.topics.filter((t) => statuses.get(t.id) === 'learning' && t.id !== nextTopic?.id);
  const open = kb.tips.filter((t) => !closed(t.topic));
  const tiers: { tips: Tip[]; reason?: string }[] = [
    { tips: open.filter((t) => nextTopic && t.topic === nextTopic.id), reason: nextReason },
    ...learning.map((topic) => ({ tips: open.filter((t) => t.topic === topic.id), reason: `You are learning ${topic.name}.` })),
    { tips: open.filter((t) => !t.topic) },
    { tips: [...open.filter((t) => t.topic && t.topic !== nextTopic?.id && !learning.some((l) => l.id === t.topic))].sort((a, b) => kb.pathIndex.get(a.topic!)! - kb.pathIndex.get(b.topic!)!) },
  ];
  const recent = new Set(recentTips);
  for (const tier of tiers) {
    const fresh = tier.tips.find((t) => !recent.has(t.id));
    if (fresh) return { tip: fresh, reason: tier.reason };
  }
  // Everything relevant was sent lately: the one sent longest ago, in the same order of relevance.
  const candidates = tiers.flatMap((tier) => tier.tips.map((tip) => ({ tip, reason: tier.reason })));
  if (candidates.length === 0) return undefined;
  const age = (id: string) => recentTips.indexOf(id);
  return candidates.reduce((best, c) => (age(c.tip.id) < age(best.tip.id) ? c : best));
}
