/** The fact guard alone: deterministic verdicts on hand-written rewordings of a real answer's prose. */
import { loadKnowledgeBase } from '../../src/knowledge/load';
import { checkRephrasing, type GuardInput } from '../../src/llm/factGuard';
import { vocabularyOf } from '../../src/llm/vocabulary';

const vocabulary = vocabularyOf(loadKnowledgeBase());
const ORIGINAL =
  'Your next step: ML & DL frameworks\n\nWell-known examples are TensorFlow, PyTorch, Keras and Spark. Start with the official tutorial at https://pytorch.org/tutorials/ and plan about 2 weeks.';
const check = (rephrased: string, extra: Partial<GuardInput> = {}) => checkRephrasing(vocabulary, { original: ORIGINAL, rephrased, message: 'ok so what now?', nextStep: 'ML & DL frameworks', ...extra });

describe('fact guard', () => {
  it('accepts a warmer, shorter rewording that keeps every fact, and not one that names a tool the answer did not', () => {
    expect(check('Nice, Python is a great base! Your next step: ML & DL frameworks such as TensorFlow, PyTorch, Keras and Spark. Give it about 2 weeks with https://pytorch.org/tutorials/.')).toEqual({ ok: false, reason: 'added-name', detail: 'python' });
    expect(check('Great base! Your next step: ML & DL frameworks such as TensorFlow, PyTorch, Keras and Spark. Give it about 2 weeks with https://pytorch.org/tutorials/.')).toEqual({ ok: true });
  });

  it('accepts a rewording in the person\'s language when every protected item stays', () => {
    const french = 'Prochaine étape : ML & DL frameworks, par exemple TensorFlow, PyTorch, Keras et Spark. Comptez environ 2 semaines avec https://pytorch.org/tutorials/.';
    expect(check(french, { message: 'je connais python, et maintenant ?' })).toEqual({ ok: true });
  });

  it.each([
    ['dropped-name', 'Your next step: ML & DL frameworks like TensorFlow, Keras and Spark. About 2 weeks: https://pytorch.org/tutorials/.'],
    ['dropped-number', 'Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark. A few weeks with https://pytorch.org/tutorials/.'],
    ['added-number', 'Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark. About 2 weeks, 3 at most, with https://pytorch.org/tutorials/.'],
    ['dropped-url', 'Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark. About 2 weeks with the official tutorial.'],
    ['added-url', 'Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark. About 2 weeks with https://pytorch.org/tutorials/ or https://x.example/.'],
    ['added-domain', 'Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark. About 2 weeks with https://pytorch.org/tutorials/, see also fast.ai.'],
    ['added-mention', '@here Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark. About 2 weeks with https://pytorch.org/tutorials/.'],
    ['added-name', 'Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras, Spark and Kubeflow. About 2 weeks with https://pytorch.org/tutorials/.'],
    ['added-markup', 'Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark <b>now</b>. About 2 weeks with https://pytorch.org/tutorials/.'],
    ['added-quote', 'Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark. The article says "frameworks are all you need". About 2 weeks with https://pytorch.org/tutorials/.'],
    ['echoes-message', 'You know it, so what now? Your next step: ML & DL frameworks: TensorFlow, PyTorch, Keras and Spark. About 2 weeks with https://pytorch.org/tutorials/.'],
    ['empty', ' \n '],
    ['too-long', `${ORIGINAL} ${ORIGINAL}`],
  ])('rejects %s', (reason, rephrased) => {
    expect(check(rephrased)).toMatchObject({ ok: false, reason });
  });

  it('keeps the cited section when the prose names it', () => {
    const original = 'As the article puts it in Trends aside — Becoming an ML Engineer, the road starts with writing programs.';
    const input = { original, message: 'where do i start', citations: ['Trends aside — Becoming an ML Engineer'] };
    expect(checkRephrasing(vocabulary, { ...input, rephrased: 'As the article says, the road starts with writing programs.' })).toMatchObject({ reason: 'dropped-citation-or-next' });
    expect(checkRephrasing(vocabulary, { ...input, rephrased: 'In Trends aside — Becoming an ML Engineer, the article says the road starts with writing programs.' })).toEqual({ ok: true });
  });

  it('rejects a rewording of an answer with few anchors that talks about something else, and one leaking the instructions', () => {
    const original = 'That is outside what I cover, so I would rather not guess. Ask me about becoming an engineer instead.';
    const input = { original, message: 'weather in paris?' };
    expect(checkRephrasing(vocabulary, { ...input, rephrased: 'It is sunny and warm in the south of France today.' })).toMatchObject({ reason: 'off-topic' });
    expect(checkRephrasing(vocabulary, { ...input, rephrased: 'Keep every tool, topic and model name, every number.' })).toMatchObject({ ok: false });
    expect(checkRephrasing(vocabulary, { ...input, rephrased: "That's outside what I cover, so I'd rather not guess. Ask me about becoming an engineer!" })).toEqual({ ok: true });
  });
});
