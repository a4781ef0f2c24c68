import { loadKnowledgeBase } from '../../src/knowledge/load';
import { nextStep, nextStepAfter } from '../../src/core/engine/nextStep';
import { choiceMade, effectiveStatus, isSettled } from '../../src/core/engine/skillGraph';
import { stageView } from '../../src/core/engine/stages';
import { newProfile, setTopicStatus, type Profile, type TopicStatus } from '../../src/core/profile/profile';

const kb = loadKnowledgeBase();
const NOW = new Date('2026-11-27T10:00:00Z');

interface Case {
  name: string;
  background?: string;
  goal?: string;
  topics?: Record<string, TopicStatus>;
  expected: string | 'complete';
  continuing?: boolean;
}

function profileOf(c: Pick<Case, 'background' | 'goal' | 'topics'>): Profile {
  let p = newProfile('u', NOW);
  if (c.background) p = { ...p, background: c.background };
  if (c.goal) p = { ...p, goal: { id: c.goal, text: c.goal } };
  for (const [id, status] of Object.entries(c.topics ?? {})) p = setTopicStatus(p, id, status, NOW);
  return p;
}

const all = (status: TopicStatus, ids: string[]) => Object.fromEntries(ids.map((id) => [id, status]));
const BASICS = all('done', ['programming-basics', 'python']);
const FRAMEWORKS = all('done', ['ml-frameworks', 'tensorflow', 'pytorch', 'keras', 'apache-spark']);

const CASES: Case[] = [
  { name: 'a newcomer with nothing known starts with code', expected: 'programming-basics' },
  { name: 'someone who never coded starts with code', background: 'never-coded', expected: 'programming-basics' },
  { name: 'with the code basics mastered, the article says the next step is frameworks', topics: all('done', ['programming-basics']), expected: 'ml-frameworks' },
  { name: 'one language is enough: then frameworks', topics: BASICS, expected: 'ml-frameworks' },
  { name: 'a Python programmer has a head start: frameworks', background: 'python-programmer', expected: 'ml-frameworks' },
  { name: 'an R or Julia programmer keeps their language: frameworks', background: 'r-julia-programmer', expected: 'ml-frameworks' },
  { name: 'a Java/.NET/JS developer has a language already: frameworks', background: 'java-dotnet-js-developer', expected: 'ml-frameworks' },
  { name: 'a Java/.NET/JS developer who skips Python moves to frameworks', background: 'java-dotnet-js-developer', topics: { python: 'skipped' }, expected: 'ml-frameworks' },
  { name: 'knowing PyTorch implies Python, code and the framework step: pre-trained models', topics: { pytorch: 'done' }, expected: 'pretrained-models' },
  { name: 'one framework is enough: Python and TensorFlow lead to pre-trained models', topics: { python: 'done', tensorflow: 'done' }, expected: 'pretrained-models' },
  { name: 'done PyTorch does not walk on to TensorFlow', topics: { pytorch: 'done' }, expected: 'pretrained-models' },
  { name: 'knowing a later stage puts the earlier steps behind: done with AutoML leads to MLOps', topics: { automl: 'done' }, expected: 'mlops' },
  { name: 'a stated gap stays open even after a later stage', topics: { automl: 'done', 'pretrained-models': 'todo' }, expected: 'pretrained-models' },
  { name: 'tools learned outside ML say nothing of the ML steps: Airflow alone still starts at code', topics: { 'apache-airflow': 'done' }, expected: 'python' },
  { name: 'R and TensorFlow do not make someone a Python programmer, and need no Python', topics: { 'r-and-julia': 'done', tensorflow: 'done' }, expected: 'pretrained-models' },
  { name: 'learning PyTorch is continued, its basics implied', topics: { pytorch: 'learning' }, expected: 'pytorch', continuing: true },
  { name: 'saying "I do not know" a prerequisite overrides the implication', topics: { pytorch: 'done', python: 'done', 'ml-frameworks': 'todo' }, expected: 'ml-frameworks' },
  { name: 'an R programmer who stated R skips the other languages', topics: all('done', ['programming-basics', 'r-and-julia']), expected: 'ml-frameworks' },
  { name: 'a software engineer still needs an ML language first', background: 'software-engineer', expected: 'python' },
  { name: 'a software engineer with Python goes for MLOps once frameworks are done', background: 'software-engineer', topics: all('done', ['python', 'ml-frameworks']), expected: 'mlops' },
  { name: 'a data scientist goes to the engineering side: MLOps', background: 'data-scientist', expected: 'mlops' },
  { name: 'a data scientist done with MLOps (the stage) goes to the cloud', background: 'data-scientist', topics: all('done', ['mlops']), expected: 'cloud-computing' },
  { name: 'a data scientist who runs Kubeflow has the pipeline steps behind them: the cloud', background: 'data-scientist', topics: all('done', ['kubeflow']), expected: 'cloud-computing' },
  { name: 'a data scientist with MLOps and pipelines done goes to the cloud', background: 'data-scientist', topics: all('done', ['mlops', 'data-pipelines']), expected: 'cloud-computing' },
  { name: 'a data scientist who says they do not know frameworks learns them first', background: 'data-scientist', topics: all('todo', ['ml-frameworks']), expected: 'ml-frameworks' },
  { name: 'a data engineer starts on the ML frameworks', background: 'data-engineer', expected: 'ml-frameworks' },
  { name: 'the frameworks stage done: pre-trained models', topics: { ...BASICS, 'ml-frameworks': 'done' }, expected: 'pretrained-models' },
  { name: 'all frameworks done: pre-trained models', topics: { ...BASICS, ...FRAMEWORKS }, expected: 'pretrained-models' },
  { name: 'a topic being learned is continued first', topics: { ...BASICS, 'ml-frameworks': 'done', pytorch: 'learning' }, expected: 'pytorch', continuing: true },
  { name: 'skipping code basics still unlocks a language', topics: all('skipped', ['programming-basics']), expected: 'python' },
  { name: 'goal "ML in production" brings MLOps forward', goal: 'ml-in-production', topics: { ...BASICS, 'ml-frameworks': 'done' }, expected: 'mlops' },
  { name: 'goal NLP brings NLP models forward once pre-trained models are known', goal: 'nlp-applications', topics: { ...BASICS, 'ml-frameworks': 'done', 'pretrained-models': 'done' }, expected: 'nlp-pretrained-models' },
  { name: 'goal computer vision brings detection models forward', goal: 'computer-vision', topics: { ...BASICS, 'ml-frameworks': 'done', 'pretrained-models': 'done' }, expected: 'object-detection-models' },
  { name: 'goal AutoML brings AutoML forward', goal: 'automate-modelling', background: 'python-programmer', topics: { 'ml-frameworks': 'done' }, expected: 'automl' },
  { name: 'goal before background focus', goal: 'automate-modelling', background: 'data-scientist', expected: 'automl' },
  { name: 'only the job market left', topics: all('done', kb.topics.map((t) => t.id).filter((id) => id !== 'ai-team-roles')), expected: 'ai-team-roles' },
  { name: 'everything done: the path is complete', topics: all('done', kb.topics.map((t) => t.id)), expected: 'complete' },
];

describe('next-step engine', () => {
  it.each(CASES)('$name', (c) => {
    const step = nextStep(kb, profileOf(c));
    if (c.expected === 'complete') {
      expect(step.kind).toBe('complete');
      return;
    }
    expect(step.kind).toBe('recommendation');
    if (step.kind !== 'recommendation') return;
    expect(step.recommendation.topic.id).toBe(c.expected);
    expect(step.recommendation.continuing).toBe(c.continuing ?? false);
    expect(step.recommendation.reasons.length).toBeGreaterThan(0);
  });

  it('never recommends a topic whose prerequisites are open', () => {
    for (const c of CASES) {
      const profile = profileOf(c);
      const step = nextStep(kb, profile);
      if (step.kind !== 'recommendation' || step.recommendation.continuing) continue;
      for (const p of step.recommendation.topic.prerequisites) {
        expect({ case: c.name, prerequisite: p, settled: isSettled(effectiveStatus(kb, profile, p)) }).toEqual({ case: c.name, prerequisite: p, settled: true });
      }
    }
  });

  it('offers a choice step with all its alternatives, and never an alternative once one is known', () => {
    const choice = nextStep(kb, profileOf({ topics: all('skipped', ['programming-basics']) }));
    if (choice.kind !== 'recommendation') throw new Error('expected a recommendation');
    expect(choice.recommendation.choice?.options.map((t) => t.id)).toEqual(['python', 'r-and-julia', 'java-dotnet-javascript']);
    const frameworks = stageView(kb, profileOf({ topics: { pytorch: 'done' } }), kb.stageOf.get('pytorch')!);
    expect(frameworks.complete).toBe(true);
    expect(frameworks.alsoWorth.map((t) => t.id)).toEqual(['tensorflow', 'keras']);
    for (const c of CASES) {
      const step = nextStep(kb, profileOf(c));
      if (step.kind !== 'recommendation' || step.recommendation.continuing) continue;
      expect({ case: c.name, alternativeOfKnown: choiceMade(kb, profileOf(c), step.recommendation.topic) && !kb.backgrounds.find((b) => b.id === c.background)?.focus.includes(step.recommendation.topic.id) }).toEqual({ case: c.name, alternativeOfKnown: false });
    }
  });

  it('answers "what after X" with the stage beyond X', () => {
    const after = (id: string) => {
      const s = nextStepAfter(kb, profileOf({}), id);
      return s.kind === 'recommendation' ? s.recommendation.topic.id : 'complete';
    };
    expect([after('python'), after('tensorflow'), after('pretrained-models'), after('automl'), after('mlops'), after('kubeflow')]).toEqual([
      'ml-frameworks',
      'pretrained-models',
      'automl',
      'mlops',
      'cloud-computing',
      'cloud-computing',
    ]);
  });

  it('explains itself: what it unlocks and what comes after', () => {
    const step = nextStep(kb, profileOf({ topics: BASICS }));
    if (step.kind !== 'recommendation') throw new Error('expected a recommendation');
    expect(step.recommendation.unlocks.map((t) => t.id)).toEqual(expect.arrayContaining(['tensorflow', 'pytorch', 'pretrained-models', 'automl', 'mlops']));
    expect(step.recommendation.after?.id).toBe('pretrained-models');
    expect(step.recommendation.reasons.join(' ')).toContain('Code fundamentals');
  });

  it('gives different advice for different backgrounds', () => {
    const reasons = (background: string) => {
      const s = nextStep(kb, profileOf({ background }));
      return s.kind === 'recommendation' ? s.recommendation.reasons.join(' ') : '';
    };
    expect(reasons('java-dotnet-js-developer')).not.toEqual(reasons('python-programmer'));
    expect(reasons('data-scientist')).toContain('Data scientist');
  });

});
