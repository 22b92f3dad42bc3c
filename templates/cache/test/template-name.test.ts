import { tracingChannel } from "node:diagnostics_channel";
import { afterEach, describe, expect, it, vi } from "vitest";
import { TEMPLATE_NAME_CHANNELS, TemplateName } from "../src/template-name.js";
import type { TemplateNameRecord } from "../src/template-name.js";

/** A loader that counts its calls, and a clock the tests move by hand. */
function setup(options: { ttl?: number; maxEntries?: number } = {}) {
  let time = 0;
  const load = vi.fn(async (id: string): Promise<TemplateNameRecord> => {
    await Promise.resolve();
    return { id, name: `Record ${id}` };
  });
  const records = new TemplateName({ load, now: () => time, ...options });
  const advance = (ms: number): void => {
    time += ms;
  };
  return { records, load, advance };
}

let open: TemplateName[] = [];
function track<T extends { records: TemplateName }>(created: T): T {
  open.push(created.records);
  return created;
}
afterEach(() => {
  for (const records of open) records.close();
  open = [];
});

describe("TemplateName", () => {
  it("loads a missing record once, then serves it from memory", async () => {
    const { records, load } = track(setup());
    expect(await records.get("1")).toEqual({ id: "1", name: "Record 1" });
    expect(await records.get("1")).toEqual({ id: "1", name: "Record 1" });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("shares one load between concurrent callers", async () => {
    const { records, load } = track(setup());
    const all = await Promise.all([records.get("7"), records.get("7"), records.get("7")]);
    expect(new Set(all).size).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("loads again once the TTL has passed", async () => {
    const { records, load, advance } = track(setup({ ttl: 1_000 }));
    await records.get("1");
    advance(999);
    await records.get("1");
    advance(1);
    await records.get("1");
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("keeps at most maxEntries records, dropping the least recently used", async () => {
    const { records, load } = track(setup({ maxEntries: 2 }));
    await records.get("a");
    await records.get("b");
    await records.get("a");
    await records.get("c");
    expect(records.size()).toBe(2);
    await records.get("b");
    expect(load.mock.calls.map(([id]) => id)).toEqual(["a", "b", "c", "b"]);
  });

  it("serves a put record without loading, until it is invalidated", async () => {
    const { records, load } = track(setup());
    records.put({ id: "9", name: "Alice" });
    expect(await records.get("9")).toEqual({ id: "9", name: "Alice" });
    expect(records.invalidate("9")).toBe(true);
    expect(records.invalidate("9")).toBe(false);
    expect(await records.get("9")).toEqual({ id: "9", name: "Record 9" });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("does not cache a failed load", async () => {
    const load = vi
      .fn<(id: string) => Promise<TemplateNameRecord>>()
      .mockRejectedValueOnce(new Error("database down"))
      .mockResolvedValueOnce({ id: "1", name: "Back" });
    using records = new TemplateName({ load });
    await expect(records.get("1")).rejects.toThrow("database down");
    expect(await records.get("1")).toEqual({ id: "1", name: "Back" });
  });

  it("traces each load on its channel", async () => {
    const { records } = track(setup());
    const started: string[] = [];
    const channel = tracingChannel<object, { id: string }>(TEMPLATE_NAME_CHANNELS.load);
    const handlers = {
      start: ({ id }: { id: string }) => started.push(id),
      end: () => undefined,
      asyncStart: () => undefined,
      asyncEnd: () => undefined,
      error: () => undefined,
    };
    channel.subscribe(handlers);
    try {
      await records.get("5");
      await records.get("5");
    } finally {
      channel.unsubscribe(handlers);
    }
    expect(started).toEqual(["5"]);
  });

  it("keeps serving cached records after close, without a timer", async () => {
    const { records, load } = setup();
    await records.get("1");
    records[Symbol.dispose]();
    expect(await records.get("1")).toEqual({ id: "1", name: "Record 1" });
    expect(records.size()).toBe(1);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
