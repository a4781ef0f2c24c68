/**
 * Prints one plain closing line, "jest: N passed, N failed, N skipped", that CI systems can read without
 * knowing jest's own summary format.
 */
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    process.stdout.write(`jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped\n`);
  }
}
module.exports = SummaryLineReporter;
