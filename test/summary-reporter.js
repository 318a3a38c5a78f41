// Prints one plain closing line ("N passed, N failed, N skipped") that any CI can read.
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    console.log(`\njest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
