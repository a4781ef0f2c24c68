/**
 * What the roadmap picture shows, before any drawing: the article's stages in order, each a list of groups
 * (a required step, an "any one of" choice, the stage's optional deeper topics), each topic with the state
 * its node is drawn in. Kept apart from the SVG so the states can be tested, and the alt text written,
 * from the same facts the picture is drawn from.
 */
import type { KnowledgeBase } from '../../knowledge/load';
import { AREA_NAMES, type Topic } from '../../knowledge/schema';
import { nextStep } from '../engine/nextStep';
import { effectiveStatus } from '../engine/skillGraph';
import { stagesView } from '../engine/stages';
import type { Profile } from '../profile/profile';

/** `next` wins over the topic's own status (a topic being learned can be the next step). */
export type NodeState = 'done' | 'learning' | 'skipped' | 'next' | 'todo';

export interface RoadmapNode {
  id: string;
  name: string;
  state: NodeState;
}

export interface RoadmapGroup {
  kind: 'all' | 'anyOf' | 'deeper';
  nodes: RoadmapNode[];
}

export interface RoadmapStage {
  name: string;
  groups: RoadmapGroup[];
}

export interface RoadmapModel {
  stages: RoadmapStage[];
  /** The highlighted topic, if any (none once the whole path is covered). */
  next?: RoadmapNode;
}

export const STATE_LABEL: Record<NodeState, string> = {
  done: 'done',
  learning: 'learning',
  skipped: 'skipped',
  next: 'next step',
  todo: 'to do',
};

export function roadmapModel(kb: KnowledgeBase, profile: Profile): RoadmapModel {
  const step = nextStep(kb, profile);
  const nextId = step.kind === 'recommendation' ? step.recommendation.topic.id : undefined;
  const node = (topic: Topic): RoadmapNode => {
    const status = effectiveStatus(kb, profile, topic.id);
    // "Assumed" (known through the background or a later topic) reads as done on a map of the path.
    const state: NodeState = topic.id === nextId ? 'next' : status === 'assumed' ? 'done' : status;
    return { id: topic.id, name: topic.name, state };
  };
  const stages = stagesView(kb, profile).map((view): RoadmapStage => {
    // Alternatives keep the file's order, not the learner's preference, so the picture does not reshuffle.
    const groups = view.stage.steps.map((s): RoadmapGroup =>
      'all' in s ? { kind: 'all', nodes: s.all.map((id) => node(kb.topicById.get(id)!)) } : { kind: 'anyOf', nodes: s.anyOf.map((id) => node(kb.topicById.get(id)!)) },
    );
    if (view.stage.deeper.length > 0) groups.push({ kind: 'deeper', nodes: view.stage.deeper.map((id) => node(kb.topicById.get(id)!)) });
    return { name: AREA_NAMES[view.stage.area], groups };
  });
  const next = stages.flatMap((s) => s.groups.flatMap((g) => g.nodes)).find((n) => n.state === 'next');
  return { stages, next };
}

/** Every node, in path order. */
export const nodesOf = (model: RoadmapModel): RoadmapNode[] => model.stages.flatMap((s) => s.groups.flatMap((g) => g.nodes));
