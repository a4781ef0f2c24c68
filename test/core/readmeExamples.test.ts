/** The README's examples are promises: each is in the README and gets the answer the README says. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createMentor } from '../../src/core/mentor';
import { createState } from '../../src/storage/createState';

const readme = readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

const EXAMPLES: { says: string; then: (about: { intent?: string; next?: string; topics: string[] }, text: string) => void }[] = [
  { says: 'what should I learn next?', then: (a) => expect(a.next).toBe('programming-basics') },
  { says: 'I already know Python and TensorFlow', then: (a, text) => (expect(a.next).toBe('pretrained-models'), expect(text).toMatch(/Noted: you know Python and TensorFlow/)) },
  { says: 'pytorch or tensorflow?', then: (a, text) => (expect(a.intent).toBe('compare'), expect(text).toMatch(/alternatives/)) },
  { says: 'what after MLOps?', then: (a) => expect(a.next).toBe('cloud-computing') },
  { says: 'which tools for data pipelines?', then: (_a, text) => expect(text).toMatch(/Apache Spark[\s\S]*Apache Airflow[\s\S]*Kubeflow/) },
  { says: 'how long will it take?', then: (_a, text) => expect(text).toMatch(/gives no time estimate/) },
];

describe('README examples', () => {
  it.each(EXAMPLES)('"$says" is in the README and answered as it says', async ({ says, then }) => {
    expect(readme).toContain(`"${says}"`);
    const mentor = createMentor({ store: createState('memory') });
    const answer = await mentor.handle({ kind: 'message', userId: 'reader', text: says });
    then(answer.about ?? { topics: [] }, answer.text);
  });

  it('follow-ups resolve against the last answer', async () => {
    const mentor = createMentor({ store: createState('memory') });
    const say = (text: string) => mentor.handle({ kind: 'message', userId: 'follower', text });
    expect((await say('I already know Python and TensorFlow')).about?.next).toBe('pretrained-models');
    const why = await say('why?');
    expect(why.about?.intent).toBe('why');
    expect(why.text).toContain('Pre-trained models');
    expect((await say('and after that?')).about?.next).toBe('automl');
    const done = await say('done with that');
    expect(done.text).toContain('AutoML (automated machine learning) is marked done');
    expect((await say('9')).text).toContain('no longer shown');
  });
});
