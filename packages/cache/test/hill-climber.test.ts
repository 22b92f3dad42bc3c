// The hill climber that sizes the TinyLFU window: it keeps moving the share in the direction that
// raised the hit rate, reverses when it fell, takes smaller steps as it settles, starts over with
// full steps when the workload changes, and stays within its bounds.
import { describe, expect, it } from "vitest";
import { HillClimber } from "../src/hill-climber.js";

/** Feeds one sample of `size` requests with the given hit rate; returns whether the share moved. */
function sample(climber: HillClimber, size: number, hitRate: number): boolean {
  let moved = false;
  const hits = Math.round(size * hitRate);
  for (let i = 0; i < size; i++) moved = climber.record(i < hits, size) || moved;
  return moved;
}

describe("HillClimber", () => {
  it("moves only at the end of a sample", () => {
    const climber = new HillClimber(0.5, 0, 1);
    for (let i = 0; i < 99; i++) expect(climber.record(true, 100)).toBe(false);
    expect(climber.share).toBe(0.5);
    expect(climber.record(true, 100)).toBe(true);
    expect(climber.share).toBeCloseTo(0.4375); // the first step shrinks by 6.25 %, as Caffeine
  });

  it("keeps going while the hit rate rises and turns back when it falls", () => {
    const climber = new HillClimber(0.5, 0, 1);
    sample(climber, 100, 0.5); // +50 points over nothing: restart, keep shrinking
    expect(climber.share).toBeCloseTo(0.4375);
    sample(climber, 100, 0.52); // better: same direction, a slightly smaller step
    expect(climber.share).toBeCloseTo(0.4375 - 0.0625 * 0.98);
    const before = climber.share;
    sample(climber, 100, 0.5); // worse: turn back
    expect(climber.share).toBeGreaterThan(before);
  });

  it("starts over with a full step when the hit rate jumps by 5 points", () => {
    const climber = new HillClimber(0.5, 0, 1);
    sample(climber, 100, 0.5);
    for (const rate of [0.51, 0.52, 0.53, 0.54]) sample(climber, 100, rate); // steps decay
    const settled = climber.share;
    sample(climber, 100, 0.55);
    const decayedStep = settled - climber.share;
    expect(decayedStep).toBeLessThan(0.0625);
    const beforeJump = climber.share;
    sample(climber, 100, 0.9); // the workload changed: full step again
    expect(beforeJump - climber.share).toBeCloseTo(decayedStep * 0.98);
    const afterJump = climber.share;
    sample(climber, 100, 0.9);
    expect(afterJump - climber.share).toBeCloseTo(0.0625);
  });

  it("stays within its bounds and reports no move when clamped", () => {
    const climber = new HillClimber(0.01, 0, 0.8);
    expect(sample(climber, 10, 0.5)).toBe(true); // clamped to 0
    expect(climber.share).toBe(0);
    expect(sample(climber, 10, 0.5)).toBe(false); // same rate: same direction, still 0
    for (let i = 0; i < 40; i++) sample(climber, 10, i % 2 === 0 ? 0 : 1);
    expect(climber.share).toBeGreaterThanOrEqual(0);
    expect(climber.share).toBeLessThanOrEqual(0.8);
  });
});
