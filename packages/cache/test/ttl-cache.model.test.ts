// Model-based test: random sequences of operations run against TtlCache and against a plain
// reference model (test/support/cache-model.ts: a Map in recency order plus expiry times). Any
// difference in a returned value, the live contents, their recency order, the size or the
// counters fails the property.
import fc from "fast-check";
import { describe, it } from "vitest";
import { modelOperation, runAgainstModel } from "./support/model-run.js";

describe("TtlCache against a reference model", () => {
  it("finds no difference over random operation sequences", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Infinity)),
        fc.array(modelOperation, { maxLength: 80 }),
        (defaultTtl, maxEntries, steps) => {
          runAgainstModel({ defaultTtl, maxEntries, steps });
        },
      ),
      { numRuns: 500 },
    );
  });

  it("finds no difference with a stale window, which keeps expired entries stored but not live", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(Infinity)),
        fc.integer({ min: 1, max: 40 }),
        fc.array(modelOperation, { maxLength: 80 }),
        (defaultTtl, maxEntries, staleWindow, steps) => {
          runAgainstModel({ defaultTtl, maxEntries, staleWindow, steps });
        },
      ),
      { numRuns: 500 },
    );
  });
});
