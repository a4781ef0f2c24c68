/**
 * The roadmap as a Reply attachment: the SVG, alt text that says what the picture shows (screen readers,
 * clients that hide images), and a cache key. The key names everything the picture depends on (each
 * topic's drawn state, the goal, the knowledge base's version), so adapters can keep one rendered PNG per
 * key and asking twice costs one render.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../../knowledge/load';
import type { Profile } from '../profile/profile';
import type { ReplyImage } from '../reply';
import { nodesOf, roadmapModel, STATE_LABEL, type NodeState, type RoadmapGroup, type RoadmapModel, type RoadmapNode } from './model';
import { svgFromModel } from './svg';

/** Discord takes 1,024 characters of attachment description; Slack's alt text is shorter in practice too. */
export const ALT_TEXT_MAX = 1000;

export const ROADMAP_FILE_NAME = 'roadmap.png';

const kbVersions = new WeakMap<KnowledgeBase, string>();

/** A fingerprint of what the picture draws from the knowledge base: stages, steps and topic names. */
export function knowledgeVersion(kb: KnowledgeBase): string {
  let version = kbVersions.get(kb);
  if (!version) {
    const drawn = { stages: kb.stages.map((s) => ({ area: s.area, steps: s.steps, deeper: s.deeper })), names: kb.topics.map((t) => [t.id, t.name]) };
    version = createHash('sha256').update(JSON.stringify(drawn)).digest('hex').slice(0, 16);
    kbVersions.set(kb, version);
  }
  return version;
}

/** Names each topic, marking its state unless it is the most common one (said once), so all seven stages fit. */
const groupText = (group: RoadmapGroup, usual: NodeState): string => {
  const items = group.nodes.map((n) => (n.state === usual ? n.name : `${n.name} (${STATE_LABEL[n.state]})`)).join(', ');
  if (group.kind === 'anyOf') return `any one of: ${items}`;
  if (group.kind === 'deeper') return `deeper, optional: ${items}`;
  return items;
};

function mostCommonState(nodes: RoadmapNode[]): NodeState {
  const counts = new Map<NodeState, number>();
  for (const n of nodes) counts.set(n.state, (counts.get(n.state) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

/** A stage whose topics all share one state, said in two words; `undefined` when they differ. */
function uniformStage(stage: RoadmapModel['stages'][number]): string | undefined {
  const states = new Set(stage.groups.flatMap((g) => g.nodes.map((n) => n.state)));
  return states.size === 1 ? `all ${STATE_LABEL[[...states][0]!]}` : undefined;
}

export function roadmapAltText(model: RoadmapModel): string {
  const nodes = nodesOf(model);
  const done = nodes.filter((n) => n.state === 'done').length;
  const usual = mostCommonState(nodes);
  const head = `Picture of your path to ML engineer: ${done} of ${nodes.length} topics done. ${model.next ? `Next step: ${model.next.name}.` : 'The whole path is covered.'} Unmarked topics are ${STATE_LABEL[usual]}.`;
  const full = (s: RoadmapModel['stages'][number]) => s.groups.map((g) => groupText(g, usual)).join('; ');
  const write = (stageText: (s: RoadmapModel['stages'][number]) => string) => [head, ...model.stages.map((s, i) => `${i + 1}. ${s.name}: ${stageText(s)}.`)].join(' ');
  // Every topic named when that fits the platforms' limit; else stages in a single state are summed up.
  let alt = write(full);
  if (alt.length > ALT_TEXT_MAX) alt = write((s) => uniformStage(s) ?? full(s));
  return alt.length <= ALT_TEXT_MAX ? alt : `${alt.slice(0, ALT_TEXT_MAX - 1)}…`;
}

export function roadmapImage(kb: KnowledgeBase, profile: Profile): ReplyImage {
  const model = roadmapModel(kb, profile);
  const states = nodesOf(model).map((n) => `${n.id}=${n.state}`).join(',');
  const key = createHash('sha256').update(`${knowledgeVersion(kb)}|${profile.goal?.id ?? ''}|${states}`).digest('hex').slice(0, 32);
  return { name: ROADMAP_FILE_NAME, alt: roadmapAltText(model), key: `roadmap-${key}`, svg: () => svgFromModel(model) };
}
