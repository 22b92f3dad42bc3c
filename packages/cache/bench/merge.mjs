// Merges the answers of one job that ran several times (in separate workers spread over the run,
// so that load from other processes falls on every contender alike).
import { summarize } from "./measure.mjs";

/** Counts where the worst repetition is the honest answer. */
const WORST = new Set(["lingering", "loaderCalls", "wrongValues", "timers"]);

const isSummary = (value) =>
  typeof value === "object" && value !== null && Array.isArray(value.samples);

function mergeField(key, values) {
  const first = values[0];
  if (isSummary(first)) return summarize(values.flatMap((value) => value.samples));
  if (typeof first === "number") {
    return WORST.has(key)
      ? Math.max(...values)
      : values.reduce((a, b) => a + b, 0) / values.length;
  }
  if (Array.isArray(first))
    return first.map((item, i) => mergeObjects(values.map((value) => value[i])));
  if (typeof first === "object" && first !== null) return mergeObjects(values);
  return first;
}

/**
 * Merges result objects of the same shape field by field: summaries pool their samples, counts
 * that must hold in every run take the worst value, other numbers the mean.
 *
 * @param {object[]} objects - results of the same job
 * @returns {object} the merged result
 */
export function mergeObjects(objects) {
  if (objects.length === 1) return objects[0];
  return Object.fromEntries(
    Object.keys(objects[0]).map((key) => [
      key,
      mergeField(
        key,
        objects.map((object) => object[key]),
      ),
    ]),
  );
}

/**
 * Merges the workers' answers for one job; any failed repetition makes the job fail.
 *
 * @param {{ ok: boolean, result?: object, error?: string }[]} answers - one per repetition
 * @returns {{ ok: boolean, result?: object, error?: string }} one answer
 */
export function mergeAnswers(answers) {
  const failed = answers.find((answer) => !answer.ok);
  if (failed) return failed;
  return { ok: true, result: mergeObjects(answers.map((answer) => answer.result)) };
}
