/**
 * Answers that relate things: comparisons built from the knowledge base, "why", "what after X",
 * "how long", and resources for a topic.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import { AREA_NAMES, type Topic } from '../../knowledge/schema';
import { nextStep, nextStepAfter, dedupeSentences } from '../engine/nextStep';
import { effectiveStatus, isKnown } from '../engine/skillGraph';
import { stagesView } from '../engine/stages';
import type { Profile } from '../profile/profile';
import { about, reply, type Block, type Reply } from '../reply';
import { aboutButton, listNames, NEXT_BUTTON, sourceBlock, STATUS_LABEL, topicButtons } from './format';

const stageIndex = (kb: KnowledgeBase, t: Topic) => kb.stages.indexOf(kb.stageOf.get(t.id)!);

/** Whether `a` lies below `b` in the prerequisite graph (b builds on a). */
function buildsOn(kb: KnowledgeBase, b: Topic, a: Topic, seen = new Set<string>()): boolean {
  if (seen.has(b.id)) return false;
  seen.add(b.id);
  return b.prerequisites.some((p) => p === a.id || buildsOn(kb, kb.topicById.get(p)!, a, seen));
}

/** How two topics relate on the path, from the data: alternatives, one builds on the other, or stage order. */
export function relation(kb: KnowledgeBase, profile: Profile, a: Topic, b: Topic): string {
  const choice = kb.choiceOf.get(a.id);
  if (choice && choice.anyOf.includes(b.id)) {
    const known = [a, b].find((t) => isKnown(effectiveStatus(kb, profile, t.id)));
    const mine = known ? ` You already know ${known.name}, so the other one is optional for you.` : ` Pick the one that fits you and go deep; the other is worth knowing later.`;
    return `${a.name} and ${b.name} are alternatives on the path: you need ${choice.label}, not all of them.${mine}`;
  }
  if (buildsOn(kb, b, a)) return `${b.name} builds on ${a.name}, so learn ${a.name} first.`;
  if (buildsOn(kb, a, b)) return `${a.name} builds on ${b.name}, so learn ${b.name} first.`;
  const [sa, sb] = [stageIndex(kb, a), stageIndex(kb, b)];
  if (sa === sb) return `Both belong to the same stage of the path, ${AREA_NAMES[a.area]}: the article treats them together.`;
  const [first, second] = sa < sb ? [a, b] : [b, a];
  return `On the article's path, ${AREA_NAMES[first.area]} (${first.name}) comes before ${AREA_NAMES[second.area]} (${second.name}).`;
}

export function compareReply(kb: KnowledgeBase, profile: Profile, topics: Topic[]): Reply {
  const [a, b] = topics as [Topic, Topic];
  const blocks: Block[] = [
    { type: 'heading', text: `${a.name} or ${b.name}?` },
    {
      type: 'fields',
      fields: topics.slice(0, 3).map((t) => ({ label: `${t.name} (${AREA_NAMES[t.area]})`, value: `${t.summary} ${t.whyItMatters} ${STATUS_LABEL[effectiveStatus(kb, profile, t.id)]}` })),
    },
    { type: 'text', text: relation(kb, profile, a, b) },
    sourceBlock(a.source, b.source),
    { type: 'buttons', buttons: [aboutButton(a), aboutButton(b), NEXT_BUTTON] },
  ];
  return about(reply(blocks), { intent: 'compare', topics: topics.map((t) => t.id) });
}

/** "Why?" about the last advice (its reasons) or a topic (why it matters, where it sits). */
export function whyReply(kb: KnowledgeBase, profile: Profile, topic: Topic): Reply {
  const step = nextStep(kb, profile);
  const isNext = step.kind === 'recommendation' && step.recommendation.topic.id === topic.id;
  const reasons = isNext ? step.recommendation.reasons : dedupeSentences([topic.whyItMatters, `It belongs to the ${AREA_NAMES[topic.area]} stage of the article's path.`]);
  return about(
    reply([
      { type: 'heading', text: `Why ${topic.name}?` },
      { type: 'bullets', items: reasons },
      sourceBlock(topic.source),
      { type: 'buttons', buttons: [...topicButtons(topic, effectiveStatus(kb, profile, topic.id)), NEXT_BUTTON] },
    ]),
    { intent: 'why', topics: [topic.id], next: isNext ? topic.id : undefined },
  );
}

/** "What after X": the step beyond X's stage. */
export function afterReply(kb: KnowledgeBase, profile: Profile, topic: Topic): Reply {
  const onPath = nextStepAfter(kb, profile, topic.id);
  // Spark or Airflow can be learned without any ML: for someone who stated what they know, their own gaps come first.
  const statedOthers = Object.keys(profile.topics).some((id) => id !== topic.id);
  const personal = topic.standalone && statedOthers ? nextStepAfter(kb, profile, topic.id, { onlyItsStage: true }) : onPath;
  const step = personal;
  const pathNote =
    onPath.kind === 'recommendation' && personal.kind === 'recommendation' && onPath.recommendation.topic !== personal.recommendation.topic
      ? `On the article's path, ${onPath.recommendation.topic.name} comes after ${AREA_NAMES[topic.area]}; ${topic.name} is also learned outside ML, so for you the ML steps before it come first.`
      : undefined;
  if (step.kind === 'complete') {
    return about(reply([{ type: 'text', text: `After ${topic.name} the path is complete: you would have covered every stage the article describes.` }, { type: 'buttons', buttons: [NEXT_BUTTON] }]), {
      intent: 'after',
      topics: [topic.id],
    });
  }
  const next = step.recommendation.topic;
  const blocks: Block[] = [
    { type: 'heading', text: `After ${topic.name}: ${next.name}` },
    { type: 'text', text: pathNote ? next.summary : `Once ${AREA_NAMES[topic.area]} is behind you, the article's path goes on with ${AREA_NAMES[next.area]}. ${next.summary}` },
  ];
  if (pathNote) blocks.push({ type: 'text', text: pathNote });
  if (step.recommendation.choice) {
    blocks.push({ type: 'text', text: `You need ${step.recommendation.choice.label}: ${listNames(step.recommendation.choice.options.map((t) => t.name))}.` });
  }
  blocks.push({ type: 'fields', fields: [{ label: 'Why it matters', value: next.whyItMatters }, { label: 'First step', value: next.firstStep }] });
  blocks.push(sourceBlock(next.source));
  blocks.push({ type: 'buttons', buttons: [aboutButton(next), NEXT_BUTTON] });
  return about(reply(blocks), { intent: 'after', topics: [next.id, topic.id], next: next.id });
}

/** "How long will it take?": the article gives no estimate; say so, then show the steps. */
export function howLongReply(kb: KnowledgeBase, profile: Profile): Reply {
  const stages = stagesView(kb, profile).map((v) => `${v.complete ? '[enough to move on]' : '[ahead]'} ${AREA_NAMES[v.stage.area]}`);
  const step = nextStep(kb, profile);
  const next = step.kind === 'recommendation' ? step.recommendation.topic : undefined;
  return about(
    reply([
      { type: 'heading', text: 'How long will it take?' },
      {
        type: 'text',
        text: 'The article gives no time estimate, and I will not invent one: it depends on where you start and how much time you put in. What it does give is the order of the steps, so here is where you stand:',
      },
      { type: 'bullets', items: stages },
      ...(next ? [{ type: 'text' as const, text: `Your next step: ${next.name}.` }] : []),
      sourceBlock({ section: 'Trends aside — Becoming an ML Engineer' }),
      { type: 'buttons', buttons: [NEXT_BUTTON] },
    ]),
    { intent: 'how-long', topics: next ? [next.id] : [], subjects: ['how-long'], next: next?.id },
  );
}

export function resourcesReply(topic: Topic): Reply {
  return about(
    reply([
      { type: 'heading', text: `Where to learn ${topic.name}` },
      { type: 'text', text: `A good first step: ${topic.firstStep}` },
      { type: 'links', links: topic.resources.map((r) => ({ title: r.title, url: r.url })) },
      sourceBlock(topic.source),
      { type: 'buttons', buttons: [aboutButton(topic), NEXT_BUTTON] },
    ]),
    { intent: 'resources', topics: [topic.id] },
  );
}

/** A follow-up with nothing to resolve against: ask which topic, with examples. */
export function whichTopicReply(what: string): Reply {
  return about(reply([{ type: 'text', text: `${what} Name the topic, for example "why pytorch?" or "resources for mlops".` }, { type: 'buttons', buttons: [NEXT_BUTTON] }]), {
    intent: 'clarify',
    topics: [],
  });
}
