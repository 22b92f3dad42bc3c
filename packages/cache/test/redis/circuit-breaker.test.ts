// The breaker decides how often a dead Redis is tried: once per interval, never per call.
import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../src/redis/circuit-breaker.js";
import type { BreakerState } from "../../src/redis/circuit-breaker.js";
import { createFakeClock } from "../support/fake-clock.js";

function breaker(threshold = 3, interval = 1_000) {
  const clock = createFakeClock();
  const changes: BreakerState[] = [];
  const subject = new CircuitBreaker(threshold, interval, clock.now, (state) =>
    changes.push(state),
  );
  return { subject, clock, changes };
}

describe("CircuitBreaker", () => {
  it("stays closed below the threshold, and a success resets the count", () => {
    const { subject, changes } = breaker(3);
    subject.failure();
    subject.failure();
    subject.success();
    subject.failure();
    subject.failure();
    expect(subject.state).toBe("closed");
    expect(subject.tryPass()).toBe(true);
    expect(changes).toEqual([]);
  });

  it("opens after `threshold` failures in a row and lets nothing through for `interval`", () => {
    const { subject, clock, changes } = breaker(3, 1_000);
    for (let i = 0; i < 3; i++) subject.failure();
    expect(subject.state).toBe("open");
    expect(changes).toEqual(["open"]);
    clock.advance(999);
    expect(subject.tryPass()).toBe(false);
  });

  it("after the interval lets exactly one probe through; its success closes the breaker", () => {
    const { subject, clock, changes } = breaker(1, 1_000);
    subject.failure();
    clock.advance(1_000);
    expect(subject.tryPass()).toBe(true);
    expect(subject.state).toBe("half-open");
    expect(subject.tryPass()).toBe(false);
    subject.success();
    expect(subject.state).toBe("closed");
    expect(subject.tryPass()).toBe(true);
    expect(changes).toEqual(["open", "half-open", "closed"]);
  });

  it("a failed probe opens it for another full interval", () => {
    const { subject, clock } = breaker(3, 1_000);
    for (let i = 0; i < 3; i++) subject.failure();
    clock.advance(1_000);
    expect(subject.tryPass()).toBe(true);
    subject.failure();
    expect(subject.state).toBe("open");
    clock.advance(999);
    expect(subject.tryPass()).toBe(false);
    clock.advance(1);
    expect(subject.tryPass()).toBe(true);
  });

  it("ignores late failures of commands sent before it opened", () => {
    const { subject, clock } = breaker(1, 1_000);
    subject.failure();
    clock.advance(600);
    subject.failure(); // a command that timed out later
    clock.advance(400);
    expect(subject.tryPass()).toBe(true);
  });

  it("never opens with threshold Infinity", () => {
    const { subject } = breaker(Infinity);
    for (let i = 0; i < 1_000; i++) subject.failure();
    expect(subject.state).toBe("closed");
  });
});
