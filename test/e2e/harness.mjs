// The few lines a plain-node e2e script needs to report like mocha: `test` runs one named check and
// records it, `failures()` counts the failed ones, `finish()` prints `N passed, M failed` and exits.
const results = [];

export async function test(name, fn) {
  try {
    await fn();
    results.push(true);
    console.log(`  ✔ ${name}`);
  } catch (e) {
    results.push(false);
    console.log(`  ✗ ${name}\n      ${String(e.stack || e).split('\n').join('\n      ')}`);
  }
}

export function assert(ok, message) {
  if (!ok) throw new Error(message);
}

export function failures() {
  return results.filter((r) => !r).length;
}

export function finish() {
  const failed = failures();
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
