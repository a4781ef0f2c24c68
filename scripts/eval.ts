/**
 * `npm run eval`: the answer-quality score per category (add --verbose for each failing case), on the main
 * set and on a second set written independently by another writer, to see how it generalises.
 */
import path from 'node:path';
import { CASES_FILE, formatReport, loadCases, runEval } from '../test/eval/evaluate';

const verbose = process.argv.includes('--verbose');

async function main(): Promise<void> {
  for (const [title, file] of [
    ['main set', CASES_FILE],
    ['second writer', path.join(path.dirname(CASES_FILE), 'second-writer.jsonl')],
  ] as const) {
    console.log(`== ${title} (${path.basename(file)})`);
    console.log(formatReport(await runEval({ cases: loadCases(file) }), verbose));
  }
}

void main();
