/** Answers centred on topics: the next step, a topic explained, the path and progress. */
import type { KnowledgeBase } from '../../knowledge/load';
import { AREA_NAMES, type Topic } from '../../knowledge/schema';
import type { Recommendation } from '../engine/nextStep';
import { effectiveStatus, pathView } from '../engine/skillGraph';
import { stagesView } from '../engine/stages';
import type { Profile } from '../profile/profile';
import { about, reply, type Block, type Reply } from '../reply';
import { listNames, NEXT_BUTTON, ROADMAP_BUTTON, SETUP_BUTTON, sourceBlock, STATUS_LABEL, TIP_BUTTON, topicButtons } from './format';
import { roadmapImage } from '../roadmap/image';
import { deepFreeze } from '../deepFreeze';

/**
 * Next-step answers, remembered per recommendation: the engine remembers its recommendations (one object
 * for every learner whose profile reads the same), and the answer depends on nothing else but the topic's
 * status and whether a background was given. Every new learner's `/mentor next` is then one frozen reply,
 * built once, which the adapters can also render once (they recognise the same blocks).
 */
const nextStepReplies = new WeakMap<Recommendation, Map<string, Reply>>();

export function nextStepReply(kb: KnowledgeBase, profile: Profile, rec: Recommendation): Reply {
  const status = effectiveStatus(kb, profile, rec.topic.id);
  const key = `${status}|${profile.background ? 'background' : ''}`;
  let replies = nextStepReplies.get(rec);
  if (!replies) nextStepReplies.set(rec, (replies = new Map()));
  let known = replies.get(key);
  if (!known) replies.set(key, (known = deepFreeze(buildNextStepReply(rec, status, !!profile.background))));
  return known;
}

function buildNextStepReply(rec: Recommendation, status: ReturnType<typeof effectiveStatus>, hasBackground: boolean): Reply {
  const { topic } = rec;
  const blocks: Block[] = [
    { type: 'heading', text: `${rec.continuing ? 'Keep going with' : 'Your next step'}: ${topic.name}` },
    { type: 'text', text: topic.summary },
    { type: 'bullets', items: rec.reasons },
    { type: 'fields', fields: [{ label: 'First step', value: topic.firstStep }] },
    { type: 'links', links: topic.resources.map((r) => ({ title: r.title, url: r.url })) },
  ];
  const after: string[] = [];
  if (rec.alsoWorth.length > 0) after.push(`Also worth knowing, not needed to move on: ${listNames(rec.alsoWorth.map((t) => t.name))}.`);
  if (rec.after) after.push(`After that: ${rec.after.name}.`);
  if (after.length > 0) blocks.push({ type: 'text', text: after.join(' ') });
  blocks.push(sourceBlock(topic.source));
  const buttons = [...topicButtons(topic, status), ROADMAP_BUTTON, TIP_BUTTON];
  if (!hasBackground) buttons.push(SETUP_BUTTON);
  blocks.push({ type: 'buttons', buttons });
  return about(reply(blocks), { intent: 'next', topics: [topic.id], next: topic.id });
}

export function completeReply(): Reply {
  return reply([
    { type: 'heading', text: 'You have covered the whole path' },
    {
      type: 'text',
      text: 'Every topic on the ML engineer path is done, known or skipped. Revisit a skipped topic with "undo <topic>", or ask me about any of them.',
    },
    { type: 'buttons', buttons: [TIP_BUTTON] },
  ]);
}

/** The curated explanation centred on this topic, so a topic card carries the article's own claims. */
function articleSays(kb: KnowledgeBase, topic: Topic): Block[] {
  const explanation = kb.explanations.find((e) => e.related[0] === topic.id);
  return explanation ? [{ type: 'text', text: explanation.answer }] : [];
}

/** "Do I need Keras too?": an alternative of a choice the learner has made is optional for them. */
function optionalNote(kb: KnowledgeBase, profile: Profile, topic: Topic): Block[] {
  const step = kb.choiceOf.get(topic.id);
  const known = step?.anyOf.map((id) => kb.topicById.get(id)!).find((t) => t.id !== topic.id && ['done', 'assumed'].includes(effectiveStatus(kb, profile, t.id)));
  if (!step || !known || ['done', 'assumed'].includes(effectiveStatus(kb, profile, topic.id))) return [];
  return [{ type: 'text', text: `Optional for you: you know ${known.name}, and ${step.label} is enough to move on. ${topic.name} is worth knowing later.` }];
}

export function topicReply(kb: KnowledgeBase, profile: Profile, topic: Topic): Reply {
  const status = effectiveStatus(kb, profile, topic.id);
  const prerequisites = topic.prerequisites.map((p) => kb.topicById.get(p)!.name);
  const article = articleSays(kb, topic);
  const answer = reply([
    { type: 'heading', text: topic.name },
    { type: 'text', text: topic.summary },
    ...article,
    ...optionalNote(kb, profile, topic),
    {
      type: 'fields',
      fields: [
        // The article's own explanation already says why; saying it twice in other words reads as repetition.
        ...(article.length > 0 ? [] : [{ label: 'Why it matters', value: topic.whyItMatters }]),
        { label: 'First step', value: topic.firstStep },
        { label: 'Area', value: AREA_NAMES[topic.area] },
        { label: 'Builds on', value: prerequisites.length > 0 ? listNames(prerequisites) : 'nothing: a starting point' },
        { label: 'Your status', value: STATUS_LABEL[status].replace(/[[\]]/g, '') },
      ],
    },
    { type: 'links', links: topic.resources.map((r) => ({ title: r.title, url: r.url })) },
    sourceBlock(topic.source),
    { type: 'buttons', buttons: [...topicButtons(topic, status), NEXT_BUTTON] },
  ]);
  return about(answer, { intent: 'explain', topics: [topic.id] });
}

export function pathReply(kb: KnowledgeBase, profile: Profile): Reply {
  const blocks: Block[] = [
    { type: 'heading', text: 'Your path to ML engineer' },
    { type: 'text', text: 'The article\'s path in stages: code first, then ML and DL frameworks, pre-trained models and AutoML, then MLOps and data engineering, the cloud, and the job market. Where a stage offers alternatives, any one of them is enough to move on.' },
  ];
  for (const view of stagesView(kb, profile)) {
    const items = view.steps.flatMap((step) => {
      if (step.kind === 'all') return step.topics.map((t) => `${STATUS_LABEL[effectiveStatus(kb, profile, t.id)]} ${t.name}`);
      const chosen = step.chosen ? `${STATUS_LABEL[effectiveStatus(kb, profile, step.chosen.id)]} ${step.chosen.name}` : `${STATUS_LABEL[step.satisfied ? 'skipped' : 'todo']} ${step.label}`;
      return [`${chosen} (any one of: ${listNames(step.options.map((t) => t.name))})`];
    });
    if (view.alsoWorth.length > 0) items.push(`Also worth knowing: ${listNames(view.alsoWorth.map((t) => t.name))}`);
    blocks.push({ type: 'fields', fields: [{ label: AREA_NAMES[view.stage.area], value: view.complete ? 'enough to move on' : 'in progress or ahead' }] });
    blocks.push({ type: 'bullets', items });
  }
  blocks.push(sourceBlock({ section: 'Trends aside — Becoming an ML Engineer' }));
  blocks.push({ type: 'buttons', buttons: [NEXT_BUTTON] });
  return { ...about(reply(blocks), { intent: 'path', topics: [] }), image: roadmapImage(kb, profile) };
}

export function progressReply(kb: KnowledgeBase, profile: Profile): Reply {
  const view = pathView(kb, profile);
  const named = (statuses: string[]) => view.filter((e) => statuses.includes(e.status)).map((e) => e.topic.name);
  const done = named(['done', 'assumed']);
  const learning = named(['learning']);
  const skipped = named(['skipped']);
  const percent = Math.round((100 * (done.length + skipped.length)) / view.length);
  return reply([
    { type: 'heading', text: `Your progress: ${done.length} of ${view.length} topics known (${percent}% of the path settled)` },
    {
      type: 'fields',
      fields: [
        { label: 'Done or known', value: done.length > 0 ? listNames(done) : 'nothing yet' },
        { label: 'Learning now', value: learning.length > 0 ? listNames(learning) : 'nothing right now' },
        { label: 'Skipped', value: skipped.length > 0 ? listNames(skipped) : 'nothing' },
      ],
    },
    { type: 'buttons', buttons: [NEXT_BUTTON] },
  ]);
}
