// VarietyCache telemetry: exact channel names, exact payloads, and no work without subscribers.
import { channel, subscribe, unsubscribe } from "node:diagnostics_channel";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CACHE_CHANNELS, VarietyCache } from "../src/index.js";
import { createFakeClock } from "./support/fake-clock.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.useRealTimers();
});

function listen(name: string): unknown[] {
  const messages: unknown[] = [];
  const listener = (message: unknown) => messages.push(message);
  subscribe(name, listener);
  cleanups.push(() => unsubscribe(name, listener));
  return messages;
}

describe("channel names", () => {
  it("live in the ladder:cache:* family", () => {
    expect(CACHE_CHANNELS).toMatchObject({
      varietyAdd: "ladder:cache:variety:add",
      varietyPrune: "ladder:cache:variety:prune",
      varietyPick: "ladder:cache:variety:pick",
      refresh: "ladder:cache:refresh",
    });
  });
});

describe("payloads", () => {
  it("publishes add, prune, pick, delete and expire with the key as passed", () => {
    const clock = createFakeClock();
    const names = ["varietyAdd", "varietyPrune", "varietyPick", "delete", "expire"] as const;
    const heard = Object.fromEntries(names.map((n) => [n, listen(CACHE_CHANNELS[n])]));
    const key = ["python", "easy", 10];
    const cache = new VarietyCache<unknown, string>({
      name: "snippets",
      maxPerKey: 1,
      now: clock.now,
      random: () => 0,
      sweepInterval: 0,
    });
    cache.add(key, "a", { generation: 4 });
    cache.add(key, "b", { generation: 5 });
    cache.pick(key);
    cache.pick("absent");
    cache.delete(key);
    cache.add("brief", "c", { ttl: 1 });
    clock.advance(1);
    cache.pick("brief");
    expect(heard.varietyAdd).toEqual([
      { cache: "snippets", key, generation: 4, entryId: 1 },
      { cache: "snippets", key, generation: 5, entryId: 2 },
      { cache: "snippets", key: "brief", generation: 0, entryId: 3 },
    ]);
    expect(heard.varietyPrune).toEqual([{ cache: "snippets", key, generation: 4, entryId: 1 }]);
    expect(heard.varietyPick).toEqual([
      { cache: "snippets", key, hit: true },
      { cache: "snippets", key: "absent", hit: false },
      { cache: "snippets", key: "brief", hit: false },
    ]);
    expect(heard.delete).toEqual([{ cache: "snippets", key }]);
    expect(heard.expire).toEqual([{ cache: "snippets", key: "brief" }]);
  });

  it("publishes { cache, removed } on ladder:cache:sweep after each sweep", () => {
    vi.useFakeTimers();
    const sweeps = listen(CACHE_CHANNELS.sweep);
    const cache = new VarietyCache<string, number>({
      name: "v",
      sweepInterval: 100,
      now: Date.now,
    });
    cache.add("a", 1, { ttl: 50 });
    cache.add("a", 2, { ttl: 150 });
    cache.add("b", 3, { ttl: 1000 });
    vi.advanceTimersByTime(200);
    expect(sweeps).toEqual([
      { cache: "v", removed: 1 },
      { cache: "v", removed: 1 },
    ]);
    cache.close();
  });
});

describe("without subscribers", () => {
  it("publishes nothing: the cost is the hasSubscribers check", () => {
    const names = [
      "varietyAdd",
      "varietyPrune",
      "varietyPick",
      "delete",
      "expire",
      "sweep",
    ] as const;
    const spies = names.map((n) => vi.spyOn(channel(CACHE_CHANNELS[n]), "publish"));
    const clock = createFakeClock();
    const cache = new VarietyCache<string, number>({ maxPerKey: 1, now: clock.now });
    cache.add("a", 1, { ttl: 1 });
    cache.add("a", 2);
    cache.pick("a");
    cache.pick("b");
    cache.delete("a");
    cache.add("c", 3, { ttl: 1 });
    clock.advance(1);
    cache.prune();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    cache.close();
  });
});
