// Model-based test with re-entrant callbacks: onEvict calls the cache back (set, delete, get,
// has, take, clear, prune) with random reactions, on the cache and on the reference model alike. The
// model delivers removals the way the cache promises (in order, once the operation is done,
// nested removals appended), so any corruption of the store or reordering of notices shows up as
// a difference in contents, size or counters. Issue 19.
import fc from "fast-check";
import { describe, it } from "vitest";
import type { ModelKey } from "./support/cache-model.js";
import { applyStep, modelKey, modelOperation, runAgainstModel } from "./support/model-run.js";
import type { Driven, ModelOperation } from "./support/model-run.js";

/** What a callback does when it hears a removal: one step, or nothing. */
const reaction = fc.oneof(
  fc.constant(undefined),
  fc.record({
    op: fc.constant("set" as const),
    key: modelKey,
    value: fc.integer(),
    ttl: fc.constant(undefined),
  }),
  fc.record({ op: fc.constant("delete" as const), key: modelKey }),
  fc.record({ op: fc.constant("get" as const), key: modelKey }),
  fc.record({ op: fc.constant("has" as const), key: modelKey }),
  fc.record({ op: fc.constant("take" as const), key: modelKey }),
  fc.record({ op: fc.constant("clear" as const) }),
  fc.record({ op: fc.constant("prune" as const) }),
);
type Reaction = Exclude<ModelOperation, { op: "advance" }> | undefined;

/**
 * A listener that plays the reactions in order, one per notice, and then stops (so every run
 * terminates). A `set` reaction with key `"2"` sets the removed key back, as the repro does.
 */
function reacting(reactions: readonly Reaction[]) {
  return (side: Driven) => {
    let next = 0;
    return (key: ModelKey, value: number): void => {
      if (next >= reactions.length) return;
      const step = reactions[next++];
      if (step === undefined) return;
      if (step.op === "set" && step.key === "2") side.set(key, value);
      else applyStep(side, step);
    };
  };
}

describe("TtlCache with re-entrant onEvict callbacks against a reference model", () => {
  it("finds no difference, and never exceeds its bound, over random sequences", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Infinity)),
        fc.array(modelOperation, { maxLength: 60 }),
        fc.array(reaction, { maxLength: 30 }),
        (defaultTtl, maxEntries, steps, reactions) => {
          runAgainstModel({ defaultTtl, maxEntries, steps, listener: reacting(reactions) });
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
