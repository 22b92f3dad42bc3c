/**
 * Reads how many tests passed and failed from what a test runner printed, for the runners the gate
 * does not read a JSON report of: node:test (its spec and TAP reporters), node-tap, ava, mocha,
 * and Vitest and Jest when a script runs them. A script that runs several packages' tests prints
 * several summaries; they add up.
 */

/** Tests counted in a runner's output. */
export interface TestCounts {
  /** The runner whose summary was read: `node:test`, `tap`, `ava`, `mocha`, `vitest`, `jest`. */
  readonly runner: string;
  /** Tests that passed. */
  readonly passed: number;
  /** Tests that failed. */
  readonly failed: number;
}

interface Family {
  readonly runner: string;
  readonly read: (text: string) => { passed: number; failed: number } | undefined;
}

const sum = (text: string, pattern: RegExp, group = 1): number | undefined => {
  const matches = [...text.matchAll(pattern)];
  return matches.length === 0
    ? undefined
    : // Every pattern's group is required, so a match always has it.
      matches.reduce((total, match) => total + Number(match[group]), 0);
};

const FAMILIES: readonly Family[] = [
  {
    runner: "vitest",
    // Vitest leaves out a count of zero: a run whose every test failed says `Tests  3 failed (3)`.
    read: (text) => {
      const passed = sum(
        text,
        /^\s*(?:\S+ \S+:)?\s*Tests\s+(?:\d+ failed \| )?(?:\d+ skipped \| )?(\d+) passed/gm,
      );
      const failed = sum(text, /^\s*(?:\S+ \S+:)?\s*Tests\s+(\d+) failed/gm);
      return passed === undefined && failed === undefined
        ? undefined
        : { passed: passed ?? 0, failed: failed ?? 0 };
    },
  },
  {
    runner: "jest",
    read: (text) => {
      const passed = sum(text, /^Tests:\s+.*?(\d+) passed, \d+ total/gm);
      const failed = sum(text, /^Tests:\s+(\d+) failed/gm);
      return passed === undefined && failed === undefined
        ? undefined
        : { passed: passed ?? 0, failed: failed ?? 0 };
    },
  },
  {
    runner: "node:test",
    read: (text) => {
      const passed = sum(text, /^(?:.*?: )?\s*(?:ℹ|#) pass (\d+)\s*$/gm);
      if (passed === undefined) return undefined;
      return { passed, failed: sum(text, /^(?:.*?: )?\s*(?:ℹ|#) fail (\d+)\s*$/gm) ?? 0 };
    },
  },
  {
    runner: "tap",
    read: (text) => {
      const passed = sum(text, /^# \{ total: \d+, pass: (\d+)/gm);
      if (passed === undefined) return undefined;
      return { passed, failed: sum(text, /^# \{ total: \d+, pass: \d+, fail: (\d+)/gm) ?? 0 };
    },
  },
  {
    runner: "ava",
    read: (text) => {
      const passed = sum(text, /^\s*(\d+) tests? passed/gm);
      const failed = sum(text, /^\s*(\d+) tests? failed/gm);
      return passed === undefined && failed === undefined
        ? undefined
        : { passed: passed ?? 0, failed: failed ?? 0 };
    },
  },
  {
    runner: "mocha",
    read: (text) => {
      const passed = sum(text, /^\s*(\d+) passing\b/gm);
      if (passed === undefined) return undefined;
      return { passed, failed: sum(text, /^\s*(\d+) failing\b/gm) ?? 0 };
    },
  },
];

/**
 * Counts the tests in a runner's output.
 *
 * @param output - what the runner (or the script around it) printed, stdout and stderr
 * @returns the counts, or `undefined` when no runner's summary is in it
 * @example
 * ```ts
 * readTestCounts("ℹ tests 3\nℹ pass 3\nℹ fail 0\n"); // { runner: "node:test", passed: 3, failed: 0 }
 * ```
 */
export function readTestCounts(output: string): TestCounts | undefined {
  // eslint-disable-next-line no-control-regex -- colours are what runners print on a terminal
  const text = output.replace(/\u001b\[[0-9;]*m/g, "");
  for (const family of FAMILIES) {
    const counts = family.read(text);
    if (counts !== undefined) return { runner: family.runner, ...counts };
  }
  return undefined;
}
