/** `npm run eval`: the answer-quality score per category (add --verbose for each failing case). */
import { formatReport, runEval } from '../test/eval/evaluate';

void runEval().then((report) => {
  console.log(formatReport(report, process.argv.includes('--verbose')));
});
