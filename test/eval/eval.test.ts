/**
 * The answer-quality eval as a test (`npm run eval` prints the same per category): at least 95% of the
 * messages answered right overall, and 90% in every category.
 */
import path from 'node:path';
import { CASES_FILE, formatReport, loadCases, runEval } from './evaluate';

const OVERALL_FLOOR = 0.95;
const CATEGORY_FLOOR = 0.9;

describe('answer-quality eval', () => {
  it('has at least 300 realistic messages in every category the issue names', () => {
    const cases = loadCases();
    expect(cases.length).toBeGreaterThanOrEqual(300);
    const categories = new Set(cases.map((c) => c.category));
    for (const name of ['next-by-background', 'next-multi-skill', 'after-x', 'explain', 'compare', 'tools', 'jobs-roles', 'followups', 'typos-slang', 'negation', 'out-of-scope']) {
      expect(categories).toContain(name);
    }
  });

  it('scores above its floors overall and per category', async () => {
    const report = await runEval();
    const summary = formatReport(report);
    expect({ overall: report.overall.passed / report.overall.total >= OVERALL_FLOOR, summary }).toEqual({ overall: true, summary });
    for (const [category, score] of report.byCategory) {
      expect({ category, ok: score.passed / score.total >= CATEGORY_FLOOR, summary }).toEqual({ category, ok: true, summary });
    }
  }, 60_000);

  it('keeps its level on a second set written independently by another writer', async () => {
    // Seen while tuning, so a regression floor rather than a target: at least 90% overall.
    const report = await runEval({ cases: loadCases(path.join(path.dirname(CASES_FILE), 'second-writer.jsonl')) });
    expect(report.overall.total).toBeGreaterThanOrEqual(150);
    expect({ overall: report.overall.passed / report.overall.total >= 0.9, summary: formatReport(report) }).toEqual({ overall: true, summary: formatReport(report) });
  }, 60_000);
});
