import { afterEach, describe, expect, it, vi } from "vitest";
import { TemplateName } from "../src/template-name.js";
import type { TemplateNameKey } from "../src/template-name.js";

/** A producer that numbers its values, so each call is distinguishable. */
function numberedProducer() {
  let calls = 0;
  return vi.fn(async ([topic, level]: TemplateNameKey): Promise<string> => {
    await Promise.resolve();
    calls += 1;
    return `${topic}/${level} #${String(calls)}`;
  });
}

let open: TemplateName[] = [];
function create(options: ConstructorParameters<typeof TemplateName>[0]): TemplateName {
  const created = new TemplateName({ now: () => 0, random: () => 0, ...options });
  open.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(open.map((cache) => cache.stop()));
  open = [];
});

describe("TemplateName", () => {
  it("adds perGeneration values for every topic × level each generation", async () => {
    const produce = numberedProducer();
    const cache = create({ topics: ["loops", "maps"], produce, perGeneration: 2 });
    const report = await cache.fill();
    expect(report.added).toBe(8);
    expect(cache.stats()).toMatchObject({ entries: 8, keySpaceCovered: 4, coverage: 1 });
  });

  it("accumulates up to maxPerKey and then holds", async () => {
    const cache = create({ topics: ["loops"], produce: numberedProducer(), maxPerKey: 4 });
    await cache.fill();
    await cache.fill();
    expect(cache.stats().entries).toBe(8);
  });

  it("answers from what was filled, without another producer call", async () => {
    const produce = numberedProducer();
    const cache = create({ topics: ["loops"], produce, perGeneration: 1 });
    await cache.fill();
    expect(await cache.get(["loops", "easy"])).toMatch(/^loops\/easy #/);
    expect(produce).toHaveBeenCalledTimes(2);
  });

  it("makes one live call for a key with nothing yet, shared by concurrent readers", async () => {
    const produce = numberedProducer();
    const cache = create({ topics: ["loops"], produce });
    const [a, b] = await Promise.all([
      cache.get(["loops", "hard"]),
      cache.get(["loops", "hard"]),
    ]);
    expect(a).toBe("loops/hard #1");
    expect(b).toBe(a);
    expect(produce).toHaveBeenCalledTimes(1);
  });

  it("records the keys whose producer failed", async () => {
    const produce = vi.fn(async ([, level]: TemplateNameKey): Promise<string> => {
      await Promise.resolve();
      if (level === "hard") throw new Error("rate limited");
      return "ok";
    });
    const cache = create({ topics: ["loops"], produce, perGeneration: 1 });
    const report = await cache.fill();
    expect(report.failed).toEqual([["loops", "hard"]]);
    expect(cache.stats().failedKeys).toBe(1);
  });

  it("stops filling and empties itself when disposed", async () => {
    const cache = new TemplateName({ topics: ["loops"], produce: numberedProducer() });
    cache.start();
    await cache[Symbol.asyncDispose]();
    expect(cache.stats().entries).toBe(0);
  });
});
