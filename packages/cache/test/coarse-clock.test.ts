// The default clock: cached within a task, read afresh after it or after the read budget.
import { describe, expect, it } from "vitest";
import { COARSE_CLOCK_READS, CoarseClock } from "../src/coarse-clock.js";

function setup(): { clock: CoarseClock; advance: (ms: number) => void; endTask: () => void } {
  let time = 0;
  const pending: (() => void)[] = [];
  const clock = new CoarseClock(
    () => time,
    (callback) => pending.push(callback),
  );
  return {
    clock,
    advance: (ms) => {
      time += ms;
    },
    endTask: () => {
      for (const callback of pending.splice(0)) callback();
    },
  };
}

describe("CoarseClock", () => {
  it("stands still within one task", () => {
    const { clock, advance } = setup();
    expect(clock.now()).toBe(0);
    advance(5);
    expect(clock.now()).toBe(0);
  });

  it("reads the source again once the task has ended", () => {
    const { clock, advance, endTask } = setup();
    clock.now();
    advance(5);
    endTask();
    expect(clock.now()).toBe(5);
  });

  it("reads the source again after its read budget, even within one task", () => {
    const { clock, advance } = setup();
    clock.now();
    advance(7);
    for (let i = 1; i < COARSE_CLOCK_READS; i++) expect(clock.now()).toBe(0);
    expect(clock.now()).toBe(7);
  });
});
