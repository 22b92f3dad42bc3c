// Per-call fetch options (issue 19, feature 4): `signal` aborts the caller's wait (and the load
// once nobody waits), `forceRefresh` loads past a cached value, `context` reaches the loader,
// `ttl` is the stored value's. And what close() does to loads in flight: waiters reject at once,
// a late value is dropped.
import { describe, expect, expectTypeOf, it } from "vitest";
import { TtlCache } from "../src/index.js";
import type { FetchOptions, Loader, LoaderContext } from "../src/index.js";
import { deferred } from "./support/deferred.js";
import type { Deferred } from "./support/deferred.js";
import { createFakeClock } from "./support/fake-clock.js";

/** A loader whose calls the test settles by hand, recording what each call was given. */
function manualLoader<V, C = unknown>() {
  const calls: { key: string; context: LoaderContext<C>; result: Deferred<V> }[] = [];
  const loader: Loader<string, V, C> = (key, context) => {
    const result = deferred<V>();
    calls.push({ key, context, result });
    return result.promise;
  };
  return { loader, calls };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await Promise.resolve();
}

describe("signal", () => {
  it("rejects this caller's wait with the signal's reason; the others still get the value", async () => {
    const cache = new TtlCache<string, string>();
    const { loader, calls } = manualLoader<string>();
    const controller = new AbortController();
    const impatient = cache.fetch("k", loader, { signal: controller.signal });
    const patient = cache.fetch("k", loader);
    const reason = new Error("user navigated away");
    controller.abort(reason);
    await expect(impatient).rejects.toBe(reason);
    expect(calls[0]!.context.signal.aborted).toBe(false);
    calls[0]!.result.resolve("value");
    await expect(patient).resolves.toBe("value");
    expect(cache.get("k")).toBe("value");
  });

  it("aborts the load once no caller waits, and drops the value it still produces", async () => {
    const cache = new TtlCache<string, string>();
    const { loader, calls } = manualLoader<string>();
    const first = new AbortController();
    const second = new AbortController();
    const waits = [
      cache.fetch("k", loader, { signal: first.signal }),
      cache.fetch("k", loader, { signal: second.signal }),
    ];
    first.abort(new Error("first gave up"));
    expect(calls[0]!.context.signal.aborted).toBe(false);
    const last = new Error("second gave up");
    second.abort(last);
    expect(calls[0]!.context.signal.aborted).toBe(true);
    expect(calls[0]!.context.signal.reason).toBe(last);
    await expect(Promise.allSettled(waits)).resolves.toHaveLength(2);
    calls[0]!.result.resolve("late");
    await flush();
    expect(cache.has("k")).toBe(false);
    const again = cache.fetch("k", loader); // a new load, not the dropped one
    expect(calls).toHaveLength(2);
    calls[1]!.result.resolve("fresh");
    await expect(again).resolves.toBe("fresh");
  });

  it("rejects at once, reading nothing, when the signal is already aborted", async () => {
    const cache = new TtlCache<string, string>();
    cache.set("k", "cached");
    const { loader, calls } = manualLoader<string>();
    const reason = new Error("too late");
    await expect(cache.fetch("k", loader, { signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
    await expect(cache.fetch("other", loader, { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(calls).toHaveLength(0);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 0 });
  });

  it("does not matter on a hit, and is released once the load settles", async () => {
    const cache = new TtlCache<string, string>();
    cache.set("k", "cached");
    const controller = new AbortController();
    await expect(cache.fetch("k", () => "loaded", { signal: controller.signal })).resolves.toBe(
      "cached",
    );
    await expect(cache.fetch("m", () => "loaded", { signal: controller.signal })).resolves.toBe(
      "loaded",
    );
    controller.abort(); // after the fact: changes nothing
    expect(cache.get("m")).toBe("loaded");
  });

  it("never aborts a stale-while-revalidate refresh, which nobody started waiting for", async () => {
    const clock = createFakeClock(0);
    const cache = new TtlCache<string, string>({
      ttl: 10,
      now: clock.now,
      staleWhileRevalidate: 100,
    });
    cache.set("k", "old");
    clock.advance(10);
    const { loader, calls } = manualLoader<string>();
    await expect(cache.fetch("k", loader)).resolves.toBe("old"); // starts the refresh
    const controller = new AbortController();
    const joined = cache.fetch("k", loader, { signal: controller.signal, forceRefresh: true });
    controller.abort();
    await expect(joined).rejects.toThrow();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.context.signal.aborted).toBe(false);
    calls[0]!.result.resolve("new");
    await flush();
    expect(cache.get("k")).toBe("new");
  });
});

describe("forceRefresh", () => {
  it("loads past a live cached value, counts a miss, and stores the new value", async () => {
    const cache = new TtlCache<string, string>();
    cache.set("k", "old");
    await expect(cache.fetch("k", () => "new", { forceRefresh: true })).resolves.toBe("new");
    expect(cache.get("k")).toBe("new");
    expect(cache.stats()).toMatchObject({ misses: 1, hits: 1, sets: 2 });
  });

  it("joins a load already in flight instead of starting another", async () => {
    const cache = new TtlCache<string, string>();
    const { loader, calls } = manualLoader<string>();
    const first = cache.fetch("k", loader);
    const forced = cache.fetch("k", loader, { forceRefresh: true });
    expect(calls).toHaveLength(1);
    calls[0]!.result.resolve("v");
    await expect(Promise.all([first, forced])).resolves.toEqual(["v", "v"]);
  });

  it("falls back to the cached value when the forced load fails, under staleIfError", async () => {
    const cache = new TtlCache<string, string>({ staleIfError: 1_000 });
    cache.set("k", "cached");
    const failing = () => Promise.reject(new Error("down"));
    await expect(cache.fetch("k", failing, { forceRefresh: true })).resolves.toBe("cached");
    const plain = new TtlCache<string, string>();
    plain.set("k", "cached");
    await expect(plain.fetch("k", failing, { forceRefresh: true })).rejects.toThrow("down");
    expect(plain.get("k")).toBe("cached");
  });
});

describe("context", () => {
  it("reaches the loader of the call that starts the load; joining calls share that load", async () => {
    const cache = new TtlCache<string, string>();
    const { loader, calls } = manualLoader<string, { tenant: string }>();
    const first = cache.fetch("k", loader, { context: { tenant: "acme" } });
    const second = cache.fetch("k", loader, { context: { tenant: "other" } });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.context.context).toEqual({ tenant: "acme" });
    calls[0]!.result.resolve("v");
    await Promise.all([first, second]);
  });

  it("is undefined when the call gives none", async () => {
    const cache = new TtlCache<string, string>();
    let seen: unknown = "not called";
    await cache.fetch("k", (_key, { context }) => {
      seen = context;
      return "v";
    });
    expect(seen).toBeUndefined();
  });

  it("is typed from the option to the loader", () => {
    const cache = new TtlCache<string, number>();
    void cache.fetch(
      "k",
      (key, { context, signal }) => {
        expectTypeOf(key).toEqualTypeOf<string>();
        expectTypeOf(context).toEqualTypeOf<{ tenant: string } | undefined>();
        expectTypeOf(signal).toEqualTypeOf<AbortSignal>();
        return context?.tenant.length ?? 0;
      },
      { context: { tenant: "acme" } },
    );
    expectTypeOf(cache.fetch("k", () => 1)).toEqualTypeOf<Promise<number>>();
    expectTypeOf(cache.fetch("k", () => Promise.resolve(1))).toEqualTypeOf<Promise<number>>();
    expectTypeOf<FetchOptions<string>["context"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error: the loader must produce the cache's value type
    void cache.fetch("k", () => "not a number");
  });
});

describe("fetch option validation", () => {
  it.each([
    [{ signal: { aborted: false } }, /`signal` must be an AbortSignal/],
    [{ forceRefresh: "yes" }, /`forceRefresh` must be true or false/],
    [
      { tll: 5 },
      /unknown option `tll`; expected one of `ttl`, `signal`, `forceRefresh`, `context`/,
    ],
  ])(
    "rejects %j synchronously with a TypeError, before calling the loader",
    (options, message) => {
      const cache = new TtlCache<string, number>();
      let calls = 0;
      const call = () => cache.fetch("k", () => ++calls, options as FetchOptions);
      expect(call).toThrow(TypeError);
      expect(call).toThrow(message);
      expect(calls).toBe(0);
    },
  );
});

describe("close() with loads in flight", () => {
  it("rejects every waiter at once, even when the loader ignores its signal", async () => {
    const cache = new TtlCache<string, string>({ name: "users" });
    const { loader, calls } = manualLoader<string>();
    const waits = [
      cache.fetch("k", loader),
      cache.fetch("k", loader, { signal: AbortSignal.timeout(60_000) }),
    ];
    cache.close();
    const results = await Promise.allSettled(waits);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(
      /"users" was closed during the load/,
    );
    expect(calls[0]!.context.signal.aborted).toBe(true);
  });

  it("drops a value the loader produces after close(), and loads anew afterwards", async () => {
    const cache = new TtlCache<string, string>();
    const { loader, calls } = manualLoader<string>();
    const pending = cache.fetch("k", loader);
    cache.close();
    await expect(pending).rejects.toThrow(/closed/);
    calls[0]!.result.resolve("late");
    await flush();
    expect(cache.has("k")).toBe(false);
    const after = cache.fetch("k", loader);
    calls[1]!.result.resolve("after close");
    await expect(after).resolves.toBe("after close");
    expect(cache.get("k")).toBe("after close");
  });
});
