/**
 * The article's key claims, checked in the answers the mentor actually gives: each explanation and topic
 * lists its `keyPoints`, and the rendered answer must contain every one of them, so an edit that drops a
 * claim ("between software engineering and data science") fails `npm run kb:check` and the tests.
 */
import type { KnowledgeBase, KnowledgeProblem } from '../../knowledge/load';
import { newProfile } from '../profile/profile';
import { explanationReply } from './general';
import { topicReply } from './topics';

const plain = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');

export function missingKeyPoints(kb: KnowledgeBase): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const profile = newProfile('key-points', new Date(0));
  for (const e of kb.explanations) {
    const text = plain(explanationReply(kb, e).text);
    e.keyPoints.forEach((point, i) => {
      if (!text.includes(plain(point))) problems.push({ file: 'explanations.yaml', entry: e.id, field: `keyPoints.${i}`, reason: `the answer does not say "${point}"` });
    });
  }
  for (const t of kb.topics) {
    const text = plain(topicReply(kb, profile, t).text);
    t.keyPoints.forEach((point, i) => {
      if (!text.includes(plain(point))) problems.push({ file: 'topics.yaml', entry: t.id, field: `keyPoints.${i}`, reason: `the answer does not say "${point}"` });
    });
  }
  return problems;
}
