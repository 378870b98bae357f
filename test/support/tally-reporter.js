// Prints the plain closing line CI reads: "tests: N passed, N failed".
export default class TallyReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites
    process.stdout.write(`tests: ${results.numPassedTests} passed, ${failed} failed\n`)
  }
}
