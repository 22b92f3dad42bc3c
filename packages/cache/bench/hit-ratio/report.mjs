// The table and the issue-20 targets of `pnpm bench:hit-ratio`, from its results. Pure: no I/O.

const points = (value) => `${value >= 0 ? "+" : "−"}${Math.abs(value * 100).toFixed(1)}`;
const percent = (value) => `${(value * 100).toFixed(1)} %`;

/**
 * The table's rows.
 *
 * @param {ReturnType<typeof import("./scenarios.mjs").runScenarios>} results - the results
 * @returns {string[][]} one row per trace and capacity
 */
export function buildRows(results) {
  return results.map((r) => [
    r.id,
    `${r.capacity} (${(r.share * 100).toFixed(1)} %)`,
    percent(r.lru),
    percent(r.tinylfu),
    percent(r.staticBest),
    percent(r.min),
    points(r.tinylfu - r.lru),
    points(r.min - r.tinylfu),
  ]);
}

/** The row that differs most by `by`: the smallest unless `largest`. */
function extreme(rows, by, largest = false) {
  return rows.reduce((best, row) =>
    (largest ? by(row) > by(best) : by(row) < by(best)) ? row : best,
  );
}

const gain = (r) => r.tinylfu - r.lru;
const where = (r) => `${r.id} at ${r.capacity}`;

/**
 * Checks the hit-ratio targets of issue 20 (in percentage points of hit ratio).
 *
 * @param {ReturnType<typeof import("./scenarios.mjs").runScenarios>} results - the results
 * @returns {{ target: string, measured: string, met: boolean }[]} one line per target
 */
export function checkHitRatioTargets(results) {
  const worst = extreme(results, gain);
  const zipf99 = results.find((r) => r.id === "zipf-0.99" && r.share === 0.01);
  const worstOf = (kind, by, largest) =>
    extreme(
      results.filter((r) => r.kind === kind),
      by,
      largest,
    );
  const scan = worstOf("scan", gain);
  const loop = worstOf("loop", gain);
  const farthest = worstOf("zipf", behind, true);
  return [
    line("TinyLFU never more than 1 point below LRU (worst trace)", worst, gain, -0.01),
    zipf99 === undefined
      ? {
          target: "≥ 5 points above LRU on Zipf 0.99 at 1 % of keys",
          measured: "not run",
          met: false,
        }
      : { ...line("≥ 5 points above LRU on Zipf 0.99 at 1 % of keys", zipf99, gain, 0.05) },
    line(
      "≥ 4 points above LRU with scans in the Zipf traffic (every capacity)",
      scan,
      gain,
      0.04,
    ),
    line(
      "≥ 20 points above LRU on a loop slightly larger than the cache (every capacity)",
      loop,
      gain,
      0.2,
    ),
    {
      target: "within 10 points of Belady's MIN on Zipf (every exponent and capacity)",
      measured: `${points(-behind(farthest))} (${where(farthest)})`,
      met: behind(farthest) <= 0.1,
    },
  ];
}

const behind = (r) => r.min - r.tinylfu;

/** A target met when `measure(row)` is at least `threshold`. */
function line(target, row, measure, threshold) {
  return {
    target,
    measured: `${points(measure(row))} (${where(row)})`,
    met: measure(row) >= threshold,
  };
}
