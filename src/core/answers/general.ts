/** Answers that are not about one topic: explanations, help, greetings, out of scope, tips. */
import type { KnowledgeBase } from '../../knowledge/load';
import type { Explanation, Role, Task, Tip, Topic } from '../../knowledge/schema';
import { PUBLIC_COMMANDS } from '../commands/definitions';
import { about, reply, type Block, type Reply } from '../reply';
import { aboutButton, listNames, NEXT_BUTTON, SETUP_BUTTON, sourceBlock, TIP_BUTTON } from './format';

export function explanationReply(kb: KnowledgeBase, explanation: Explanation): Reply {
  const related = explanation.related.map((id) => kb.topicById.get(id)!).slice(0, 4);
  const blocks: Block[] = [
    { type: 'heading', text: explanation.question },
    { type: 'text', text: explanation.answer },
  ];
  if (related.length > 0) blocks.push({ type: 'fields', fields: [{ label: 'Related topics', value: related.map((t) => t.name).join(', ') }] });
  blocks.push(sourceBlock(explanation.source));
  blocks.push({ type: 'buttons', buttons: [...related.slice(0, 3).map(aboutButton), NEXT_BUTTON] });
  return about(reply(blocks), { intent: 'explain', topics: explanation.related, subjects: [explanation.id, ...explanation.about] });
}

/** "Which tools for X": every tool the article names for that job, or the tools asked about. */
export function toolsReply(topics: Topic[], task?: Task, subjects: Topic[] = []): Reply {
  const blocks: Block[] = [{ type: 'heading', text: task ? `Tools for ${task.job}` : 'Tools for that' }];
  if (task) blocks.push({ type: 'text', text: `For ${task.job}, the article names ${listNames(topics.map((t) => t.name))}.` });
  blocks.push(
    { type: 'bullets', items: topics.map((t) => `${t.name}: ${t.summary}`) },
    { type: 'links', links: topics.flatMap((t) => t.resources.slice(0, 1).map((r) => ({ title: r.title, url: r.url }))) },
    sourceBlock(...(task ? [task.source] : []), ...topics.map((t) => t.source)),
    { type: 'buttons', buttons: [...topics.slice(0, 3).map(aboutButton), NEXT_BUTTON] },
  );
  return about(reply(blocks), { intent: 'tools-for-task', topics: [...subjects, ...topics].map((t) => t.id), subjects: task ? [task.id] : [] });
}

const EXAMPLES = ['what should I learn next?', 'what is AutoML?', 'ML engineer vs data scientist', 'I already know Python and TensorFlow', 'which tools for object detection?'];

export function helpReply(): Reply {
  return reply([
    { type: 'heading', text: 'ML Engineer Mentor' },
    {
      type: 'text',
      text: 'I help you become a Machine Learning Engineer: I tell you what to learn next, explain the skills and tools of the role, and remember your progress.',
    },
    { type: 'bullets', items: PUBLIC_COMMANDS.map((c) => `${[c.id, ...c.options.map((o) => `<${o.name}>`)].join(' ')}: ${c.summary}`) },
    { type: 'text', text: 'You can also just write to me, for example:' },
    { type: 'bullets', items: EXAMPLES.map((e) => `"${e}"`) },
    { type: 'buttons', buttons: [NEXT_BUTTON, SETUP_BUTTON, TIP_BUTTON] },
  ]);
}

export function rolesReply(roles: Role[]): Reply {
  const answer = reply([
    ...roles.flatMap((r): Block[] => [
      { type: 'heading', text: r.name },
      { type: 'text', text: r.summary },
    ]),
    sourceBlock(...roles.map((r) => r.source)),
    { type: 'buttons', buttons: [NEXT_BUTTON] },
  ]);
  return about(answer, { intent: 'roles', topics: [], subjects: roles.map((r) => r.id) });
}

export function thanksReply(): Reply {
  return reply([
    { type: 'text', text: 'You are welcome! Ask me anything else about the path, or see your next step.' },
    { type: 'buttons', buttons: [NEXT_BUTTON, TIP_BUTTON] },
  ]);
}

export function greetingReply(): Reply {
  return reply([
    { type: 'text', text: 'Hello! I am your ML engineer mentor. Ask me what to learn next, or about any skill on the path.' },
    { type: 'buttons', buttons: [NEXT_BUTTON, SETUP_BUTTON] },
  ]);
}

export function welcomeReply(): Reply {
  return reply([
    {
      type: 'text',
      text: 'Welcome! I am your ML engineer mentor. Answer three quick questions (background, what you know, your goal) and my advice will fit you better. You can also skip that and just ask.',
    },
    { type: 'buttons', buttons: [SETUP_BUTTON] },
  ]);
}

export function outOfScopeReply(): Reply {
  const answer = reply([
    {
      type: 'text',
      text: 'That is outside what I cover, so I would rather not guess. I know the path to becoming an ML engineer: code first, ML and DL frameworks, pre-trained models, AutoML, MLOps and data engineering, the cloud, and the job market.',
    },
    { type: 'bullets', items: EXAMPLES.map((e) => `Try: "${e}"`) },
    { type: 'buttons', buttons: [NEXT_BUTTON] },
  ]);
  return about(answer, { intent: 'out-of-scope', topics: [] });
}

export function tooLongReply(limit: number): Reply {
  return reply([{ type: 'text', text: `That message is too long for me (over ${limit} characters). Please ask in a sentence or two.` }]);
}

export function tipReply(tip: Tip): Reply {
  return reply(
    [
      { type: 'heading', text: 'Tip' },
      { type: 'text', text: tip.text },
      sourceBlock(tip.source),
      { type: 'buttons', buttons: [TIP_BUTTON, NEXT_BUTTON] },
    ],
    'public',
  );
}
