/** The roadmap picture: node states in the SVG for a few learners, its layout, and its alt text. */
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { newProfile, setTopicStatus, type Profile, type TopicStatus } from '../../src/core/profile/profile';
import { roadmapImage, ALT_TEXT_MAX } from '../../src/core/roadmap/image';
import { layoutRoadmap } from '../../src/core/roadmap/layout';
import { roadmapModel } from '../../src/core/roadmap/model';
import { roadmapSvg } from '../../src/core/roadmap/svg';
import { wrapText, textWidth } from '../../src/core/roadmap/text';

const kb = loadKnowledgeBase();
const now = new Date('2026-11-27T10:00:00Z');

function profileWith(statuses: Record<string, TopicStatus>): Profile {
  let profile = newProfile('roadmap-user', now);
  for (const [id, status] of Object.entries(statuses)) profile = setTopicStatus(profile, id, status, now);
  return profile;
}

/** Each node's drawn state, read back from the SVG's data attributes. */
function statesIn(svg: string): Map<string, string> {
  return new Map([...svg.matchAll(/data-topic="([^"]+)" data-state="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
}

const halfway = profileWith({
  'programming-basics': 'done',
  python: 'done',
  'r-and-julia': 'skipped',
  'ml-frameworks': 'done',
  pytorch: 'done',
  'pretrained-models': 'done',
  'hugging-face-transformers': 'learning',
  spacy: 'skipped',
});

describe('roadmapSvg', () => {
  it('draws every topic once; with nothing done, the first topic is the next step and the rest is to do', () => {
    const states = statesIn(roadmapSvg(kb, newProfile('new', now)));
    expect(states.size).toBe(kb.topics.length);
    expect(states.get('programming-basics')).toBe('next');
    expect([...states.values()].filter((s) => s !== 'todo')).toEqual(['next']);
  });

  it('halfway: done, skipped and learning topics, alternatives grouped as "any one of", one next step', () => {
    const svg = roadmapSvg(kb, halfway);
    const states = statesIn(svg);
    expect(states.get('python')).toBe('done');
    expect(states.get('pytorch')).toBe('done');
    expect(states.get('r-and-julia')).toBe('skipped');
    expect(states.get('spacy')).toBe('skipped');
    // The topic being learned is the one to keep going with: drawn as the next step.
    expect(states.get('hugging-face-transformers')).toBe('next');
    expect(states.get('tensorflow')).toBe('todo');
    expect(states.get('cloud-computing')).toBe('todo');
    expect([...states.values()].filter((s) => s === 'next')).toHaveLength(1);
    const anyOfSteps = kb.stages.flatMap((s) => s.steps).filter((s) => 'anyOf' in s).length;
    expect(svg.match(/data-group="anyOf"/g)).toHaveLength(anyOfSteps);
    expect(svg).toContain('ANY ONE OF');
  });

  it('draws a learning topic that is not the next step as learning', () => {
    // Two topics in progress: the engine continues the first on the path, the other stays "learning".
    const states = statesIn(roadmapSvg(kb, profileWith({ python: 'learning', mlops: 'learning' })));
    expect(states.get('python')).toBe('next');
    expect(states.get('mlops')).toBe('learning');
  });

  it('everything done: every node done, no next step', () => {
    const all = profileWith(Object.fromEntries(kb.topics.map((t) => [t.id, 'done' as TopicStatus])));
    const svg = roadmapSvg(kb, all);
    expect(new Set(statesIn(svg).values())).toEqual(new Set(['done']));
    expect(svg).toContain('The whole path is covered.');
  });

  it('escapes the knowledge base text ("&" in names) so the SVG stays well-formed XML', () => {
    const svg = roadmapSvg(kb, newProfile('new', now));
    expect(svg).toContain('MLOps &amp; data engineering');
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  });
});

describe('roadmap layout', () => {
  it('never overlaps two boxes, and every label line fits inside its box', () => {
    for (const profile of [newProfile('new', now), halfway]) {
      const layout = layoutRoadmap(roadmapModel(kb, profile));
      const boxes = layout.nodes;
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect({ a: a.id, b: b.id, apart }).toEqual({ a: a.id, b: b.id, apart: true });
        }
        for (const line of a.lines) expect(textWidth(line, 20, a.state === 'next')).toBeLessThanOrEqual(a.width - 44 - 14);
      }
      expect(layout.nodes.every((n) => n.x + n.width <= layout.width && n.y + n.height <= layout.legendY)).toBe(true);
    }
  });

  it('wraps the longest topic names onto several lines instead of cutting words', () => {
    const longest = [...kb.topics].sort((a, b) => b.name.length - a.name.length)[0]!;
    const lines = wrapText(longest.name, 240, 20);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(longest.name);
  });
});

describe('roadmapImage', () => {
  it('has alt text that says what the picture shows, within the platforms\' limits', () => {
    const image = roadmapImage(kb, halfway);
    expect(image.alt).toContain('Next step: Hugging Face Transformers');
    expect(image.alt).toContain('Unmarked topics are to do.');
    expect(image.alt).toContain('Python (done)');
    expect(image.alt).toContain('TensorFlow,');
    expect(image.alt).toContain('R and Julia (skipped)');
    expect(image.alt).toContain('any one of:');
    expect(image.alt.length).toBeLessThanOrEqual(ALT_TEXT_MAX);
    expect(image.name).toBe('roadmap.png');
  });

  it('names every stage without being cut; every topic too for a new learner and one who is done', () => {
    const all = profileWith(Object.fromEntries(kb.topics.map((t) => [t.id, 'done' as TopicStatus])));
    for (const profile of [newProfile('new', now), halfway, all]) {
      const { alt } = roadmapImage(kb, profile);
      expect(alt.endsWith('…')).toBe(false);
      for (const stage of roadmapModel(kb, profile).stages) expect(alt).toContain(stage.name);
      if (profile !== halfway) for (const topic of kb.topics) expect(alt).toContain(topic.name);
    }
    // Halfway, a stage still wholly ahead is summed up so the rest fits.
    expect(roadmapImage(kb, halfway).alt).toContain('6. The cloud: all to do.');
  });

  it('keys the picture by what it shows: same states same key, a change a new key', () => {
    const a = roadmapImage(kb, halfway);
    const again = roadmapImage(kb, setTopicStatus(halfway, 'python', 'done', new Date('2027-01-01T00:00:00Z')));
    const changed = roadmapImage(kb, setTopicStatus(halfway, 'tensorflow', 'done', now));
    expect(again.key).toBe(a.key);
    expect(changed.key).not.toBe(a.key);
  });
});
