/**
 * The answer-quality eval with the LLM on: every answer goes through the real rephrasing path (real
 * `openai` client, fake server that rewords faithfully), and the score must not drop below the core's.
 * Rewordings must actually be sent, or this would only measure the core twice.
 */
import { llmMentor } from '../helpers/llmMentor';
import { faithful, startOpenAIFake, type OpenAIFake } from '../helpers/openaiFake';
import { formatReport, runEval } from '../eval/evaluate';
import type { Rephraser } from '../../src/llm/rephraser';

let fake: OpenAIFake;
beforeAll(async () => {
  fake = await startOpenAIFake(faithful);
});
afterAll(() => fake.close());

describe('answer-quality eval with LLM rephrasing on', () => {
  it('scores at least what the core scores alone, with most answers reworded', async () => {
    const core = await runEval();
    let rephraser: Rephraser | undefined;
    const withLlm = await runEval({
      mentor: (kb) => {
        const built = llmMentor(fake.baseURL, { kb });
        rephraser = built.rephraser;
        return { handle: (request) => built.mentor.handle(request), deps: built.core.deps };
      },
    });
    const summary = `core:\n${formatReport(core)}\nwith LLM:\n${formatReport(withLlm, true)}`;
    expect({ passed: withLlm.overall.passed >= core.overall.passed, summary }).toEqual({ passed: true, summary });
    for (const [category, score] of core.byCategory) {
      expect({ category, passed: withLlm.byCategory.get(category)!.passed >= score.passed }).toEqual({ category, passed: true });
    }
    // A faithful rewording should almost never be refused by the guard.
    const outcomes = rephraser!.outcomes.snapshot();
    const all = Object.values(outcomes).reduce((a, b) => a + b, 0);
    const reworded = (outcomes.sent ?? 0) + (outcomes['cache-hit'] ?? 0);
    expect({ rewordedShare: all >= withLlm.overall.total && reworded / all > 0.95, outcomes }).toEqual({ rewordedShare: true, outcomes });
  }, 120_000);
});
