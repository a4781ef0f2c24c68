import { loadKnowledgeBase } from '../../src/knowledge/load';
import { Understander, type Intent } from '../../src/core/understanding/understand';

const understander = new Understander(loadKnowledgeBase());

type Expect = { intent: Intent; topics?: string[]; known?: string[]; learning?: string[]; notKnown?: string[]; background?: string; goal?: string; hit?: string };

const PHRASINGS: [string, Expect][] = [
  // next step
  ['what should I learn next?', { intent: 'next' }],
  ['What should i study next', { intent: 'next' }],
  ['whats next', { intent: 'next' }],
  ['next step please', { intent: 'next' }],
  ['where do I start?', { intent: 'next' }],
  ["I don't know what to learn next", { intent: 'next' }],
  ['how do i get started', { intent: 'next' }],
  ['what do you recommend?', { intent: 'next' }],
  // explain a topic, typos included
  ['what is automl?', { intent: 'explain', topics: ['automl'] }],
  ['what is pytroch', { intent: 'explain', topics: ['pytorch'] }],
  ['tell me about tensorflw', { intent: 'explain', topics: ['tensorflow'] }],
  ['explain hugging face', { intent: 'explain', topics: ['hugging-face-transformers'] }],
  ['huggingface?', { intent: 'explain', topics: ['hugging-face-transformers'] }],
  ['What is Hugging Fase transformers', { intent: 'explain', topics: ['hugging-face-transformers'] }],
  ['what is kubeflow', { intent: 'explain', topics: ['kubeflow'] }],
  ['what is apache airflow used for', { intent: 'explain', topics: ['apache-airflow'] }],
  ['whats keras', { intent: 'explain', topics: ['keras'] }],
  ['What is YOLO?', { intent: 'explain', topics: ['object-detection-models'] }],
  ['mask r-cnn', { intent: 'explain', topics: ['object-detection-models'] }],
  ['facenet', { intent: 'explain', topics: ['face-recognition-models'] }],
  ['vgg-face', { intent: 'explain', topics: ['face-recognition-models'] }],
  ['what is BERT', { intent: 'explain', topics: ['nlp-pretrained-models'] }],
  ['gpt-2?', { intent: 'explain', topics: ['nlp-pretrained-models'] }],
  ['ulmfit', { intent: 'explain', topics: ['nlp-pretrained-models'] }],
  ['spacy', { intent: 'explain', topics: ['spacy'] }],
  ['tell me about mlops', { intent: 'explain', topics: ['mlops'] }],
  ['what is ML Ops', { intent: 'explain', topics: ['mlops'] }],
  ['hyperparameter tuning', { intent: 'explain', topics: ['hyperparameter-optimization'] }],
  ['what is feature selection', { intent: 'explain', topics: ['feature-selection'] }],
  ['imputation', { intent: 'explain', topics: ['data-preparation'] }],
  ['sparc', { intent: 'explain', topics: ['apache-spark'] }],
  ['pyspark', { intent: 'explain', topics: ['apache-spark'] }],
  ['what about julia', { intent: 'explain', topics: ['r-and-julia'] }],
  ['Is .NET used for machine learning?', { intent: 'explain', topics: ['java-dotnet-javascript'] }],
  ['tensorflow vs pytorch', { intent: 'compare', topics: ['tensorflow', 'pytorch'] }],
  ['fine tuning pretrained models', { intent: 'explain', topics: ['fine-tuning', 'pretrained-models'] }],
  // questions answered by retrieval
  ['why is the ML engineer role rising?', { intent: 'explain', hit: 'why-ml-engineer-rising' }],
  ['who is hiring ML engineers?', { intent: 'explain', hit: 'who-hires' }],
  ['what do job postings prioritise?', { intent: 'explain', hit: 'job-posting-priorities' }],
  ['do I need a lot of math?', { intent: 'explain', hit: 'do-i-need-math' }],
  ['what does a good AI team look like', { intent: 'explain', hit: 'ai-team-roles' }],
  ['how do I become an ml engineer', { intent: 'explain', hit: 'how-to-become-ml-engineer' }],
  ['what is ODSC', { intent: 'explain', hit: 'odsc' }],
  ['which programming language should I learn first', { intent: 'next' }],
  // compare roles
  ['ML engineer vs data scientist', { intent: 'compare' }],
  ['what is the difference between a data scientist and a machine learning engineer?', { intent: 'compare' }],
  ['how do ml engineers differ from data scientists', { intent: 'compare' }],
  // tools for a task
  ['which tools for object detection?', { intent: 'tools-for-task', topics: ['object-detection-models'] }],
  ['what library should I use for named entities with spacy', { intent: 'tools-for-task', topics: ['spacy'] }],
  ['which framework to use for data pipelines', { intent: 'tools-for-task', topics: ['data-pipelines'] }],
  ['what tools are used for facial recognition', { intent: 'tools-for-task', topics: ['face-recognition-models'] }],
  // progress and path
  ['show my progress', { intent: 'progress' }],
  ['how am I doing?', { intent: 'progress' }],
  ['what have I learned so far', { intent: 'progress' }],
  ['show me the roadmap', { intent: 'path' }],
  ['my learning path', { intent: 'path' }],
  // statements
  ['I already know Python and TensorFlow', { intent: 'statement', known: ['python', 'tensorflow'] }],
  ["I've used pytorch", { intent: 'statement', known: ['pytorch'] }],
  ["I'm familiar with keras", { intent: 'statement', known: ['keras'] }],
  ["I'm learning spark", { intent: 'statement', learning: ['apache-spark'] }],
  ['i am currently studying airflow', { intent: 'statement', learning: ['apache-airflow'] }],
  ["I know Python but I'm learning PyTorch", { intent: 'statement', known: ['python'], learning: ['pytorch'] }],
  ["I don't know tensorflow", { intent: 'statement', notKnown: ['tensorflow'] }],
  ["I'm a data scientist", { intent: 'statement', background: 'data-scientist' }],
  ['I am a Java developer', { intent: 'statement', background: 'java-dotnet-js-developer' }],
  ['I work as a software engineer', { intent: 'statement', background: 'software-engineer' }],
  ["I've never coded", { intent: 'statement', background: 'never-coded' }],
  ["I'm a data scientist, what should I learn next?", { intent: 'next', background: 'data-scientist' }],
  ['I know python. what next?', { intent: 'next', known: ['python'] }],
  // help, greetings, out of scope
  ['', { intent: 'help' }],
  ['   ', { intent: 'help' }],
  ['help', { intent: 'help' }],
  ['what can you do', { intent: 'help' }],
  ['hello', { intent: 'greeting' }],
  ['hi there', { intent: 'greeting' }],
  ["what's the weather in Paris?", { intent: 'out-of-scope' }],
  ['tell me a joke', { intent: 'out-of-scope' }],
  ['how do I cook pasta', { intent: 'out-of-scope' }],
  ['who won the football game', { intent: 'out-of-scope' }],
  ['recommend a movie', { intent: 'out-of-scope' }],
  ['I love my space heater', { intent: 'out-of-scope' }],
  ['could you touch base later', { intent: 'out-of-scope' }],
  // statements on spans: every skill, whatever the verb, with negation scoped to its clause
  ['I know Python, PyTorch and Docker', { intent: 'statement', known: ['python', 'pytorch'] }],
  ['ive done pytorch and tensorflow, also fine-tuned bert', { intent: 'statement', known: ['pytorch', 'tensorflow', 'fine-tuning', 'nlp-pretrained-models'] }],
  ['i know python but not pytorch', { intent: 'statement', known: ['python'], notKnown: ['pytorch'] }],
  ["i don't know pytorch, tensorflow or keras", { intent: 'statement', notKnown: ['pytorch', 'tensorflow', 'keras'] }],
  ['no pytorch no tensorflow, just python so far', { intent: 'statement', known: ['python'], notKnown: ['pytorch', 'tensorflow'] }],
  ['java backend dev (spring, 6 yrs)', { intent: 'statement', known: ['java-dotnet-javascript'], background: 'software-engineer' }],
  ['i told you im into nlp not computer vision', { intent: 'statement', goal: 'nlp-applications' }],
  ['python (solid), pytorch (decent), huggingface (just started)', { intent: 'statement', known: ['python', 'pytorch'], learning: ['hugging-face-transformers'] }],
  ['my friend knows pytorch', { intent: 'explain', known: [] }],
  // everyday words are skills only in a tech context; common words never become topics by typo
  ['I touched a torch and burned my hand, what do i do', { intent: 'out-of-scope', topics: [] }],
  ['my spark plug is broken, how do i replace it', { intent: 'out-of-scope', topics: [] }],
  ['is spark worth learning?', { intent: 'explain', topics: ['apache-spark'] }],
  ['the clouds look dark today', { intent: 'out-of-scope', topics: [] }],
  // intents that survive paraphrase
  ['what should i learn after mlops', { intent: 'after', topics: ['mlops'] }],
  ['pytorch or tensorflow??', { intent: 'compare', topics: ['pytorch', 'tensorflow'] }],
  ['is data engineering the same as mlops', { intent: 'compare', topics: ['data-pipelines', 'mlops'] }],
  ['how long will it take me', { intent: 'how-long' }],
  ['why?', { intent: 'why', topics: [] }],
  ['and after that?', { intent: 'after', topics: [] }],
  ['whats a good resource for it', { intent: 'resources', topics: [] }],
  ['tools for data pipelines?', { intent: 'tools-for-task' }],

];

describe('understanding free text', () => {
  it('covers at least 60 phrasings', () => expect(PHRASINGS.length).toBeGreaterThanOrEqual(60));

  it.each(PHRASINGS)('%j', (text, expected) => {
    const u = understander.understand(text);
    expect(u.intent).toBe(expected.intent);
    if (expected.topics) expect(u.topics).toEqual(expected.topics);
    if (expected.known) expect(u.statements.known).toEqual(expected.known);
    if (expected.learning) expect(u.statements.learning).toEqual(expected.learning);
    if (expected.notKnown) expect(u.statements.notKnown).toEqual(expected.notKnown);
    if (expected.background) expect(u.statements.background).toBe(expected.background);
    if (expected.goal) expect(u.statements.goal).toBe(expected.goal);
    if (expected.hit) expect(u.hits[0]?.id).toBe(expected.hit);
  });

  it('strips zero-width and bidi characters before matching', () => {
    expect(understander.understand('what is py\u200btorch\u202e?').topics).toEqual(['pytorch']);
  });

  it('refuses a message that is far too long', () => {
    expect(understander.understand('pytorch '.repeat(2000)).intent).toBe('too-long');
  });
});
