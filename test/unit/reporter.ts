/**
 * Mocha reporter for the unit suite: the usual spec output, then one plain line
 * `N passed, M failed` (failed hooks count as failures) that scripts/test.sh sums.
 */
import * as Mocha from 'mocha';

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_RUN_END } = Mocha.Runner.constants;

class UnitReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    let passed = 0;
    let failed = 0;
    runner.on(EVENT_TEST_PASS, () => passed++);
    runner.on(EVENT_TEST_FAIL, () => failed++);
    // Registered after Spec's own epilogue, so this is the last line.
    runner.once(EVENT_RUN_END, () => process.stdout.write(`${passed} passed, ${failed} failed\n`));
  }
}

export = UnitReporter;
