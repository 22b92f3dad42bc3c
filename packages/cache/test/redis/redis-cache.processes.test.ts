// Eight real processes on one namespace: a stampede on a cold key costs one loader call in all,
// and a delete in one process reaches every other within the 50 ms.
import { execFileSync, fork } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  rawClient,
  skipRedis,
  uniqueNamespace,
  untilSubscribed,
  useRedisServer,
} from "../support/redis-harness.js";

const PROCESSES = 8;
const CALLS = 100;
const worker = fileURLToPath(new URL("../support/redis-worker.mjs", import.meta.url));
const packageDir = fileURLToPath(new URL("../..", import.meta.url));

interface Reply {
  readonly worker: number;
  readonly id?: number;
  readonly event?: string;
  readonly error?: string;
  readonly [field: string]: unknown;
}

/** A child process and a request/response channel to it. */
class Worker {
  readonly child: ChildProcess;
  readonly events: Reply[] = [];
  readonly #pending = new Map<number, (reply: Reply) => void>();
  readonly #listeners = new Set<() => void>();
  #next = 0;

  constructor(index: number, env: Record<string, string>) {
    this.child = fork(worker, [], { env: { ...process.env, ...env, WORKER: String(index) } });
    this.child.on("message", (reply: Reply) => {
      if (reply.id === undefined) {
        this.events.push(reply);
        for (const listener of this.#listeners) listener();
      } else this.#pending.get(reply.id)?.(reply);
    });
  }

  request(command: string, args: Record<string, unknown> = {}): Promise<Reply> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (reply) => {
        if (reply.error === undefined) resolve(reply);
        else reject(new Error(reply.error));
      });
      this.child.send({ id, command, ...args });
    });
  }

  /** Resolves once `count` events named `event` have arrived (bounded by the test's timeout). */
  until(event: string, count = 1): Promise<Reply[]> {
    return new Promise((resolve) => {
      const check = () => {
        const seen = this.events.filter((e) => e.event === event);
        if (seen.length < count) return;
        this.#listeners.delete(check);
        resolve(seen);
      };
      this.#listeners.add(check);
      check();
    });
  }
}

describe.skipIf(skipRedis)("RedisCache across processes", () => {
  const server = useRedisServer();
  const namespace = uniqueNamespace();
  let workers: Worker[] = [];

  beforeAll(async () => {
    // The workers run dist/, so build it (incremental: a no-op when it is up to date).
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-b", packageDir], { stdio: "inherit" });
    const env = { REDIS_URL: server().url, NAMESPACE: namespace };
    workers = Array.from({ length: PROCESSES }, (_, i) => new Worker(i, env));
    await Promise.all(workers.map((w) => w.until("ready")));
    const raw = rawClient(server());
    await untilSubscribed(raw, `{${namespace}}:events`, PROCESSES, 15_000);
    raw.disconnect();
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.request("close").catch(() => undefined)));
    for (const w of workers) if (w.child.exitCode === null) w.child.kill();
  });

  it(
    `${PROCESSES} processes × ${CALLS} concurrent fetches of one cold key make exactly 1 loader call`,
    { timeout: 30_000 },
    async () => {
      const results = workers.map((w) => w.request("stampede", { key: "cold", count: CALLS }));
      await Promise.all(workers.map((w) => w.until("started")));
      // Hold the load until every process has its 100 fetches in flight, then let it finish.
      await Promise.race(workers.map((w) => w.until("loading")));
      await Promise.all(workers.map((w) => w.request("release")));
      const replies = await Promise.all(results);
      const loaderCalls = replies.reduce((sum, r) => sum + (r.loaderCalls as number), 0);
      expect(loaderCalls).toBe(1);
      const loader = replies.find((r) => r.loaderCalls === 1)?.worker;
      expect(
        replies.every((r) => (r.by as number[]).length === 1 && (r.by as number[])[0] === loader),
      ).toBe(true);
      expect(replies.filter((r) => (r.lockWaits as number) > 0).length).toBeGreaterThan(0);
    },
  );

  it(
    "a delete in one process is seen by every other within 50 ms",
    { timeout: 30_000 },
    async () => {
      const [deleter, ...others] = workers as [Worker, ...Worker[]];
      // Every process holds "cold" locally after the stampede; make sure before deleting.
      for (const w of others)
        expect(await w.request("get", { key: "cold" })).toMatchObject({ tier: "local" });
      await Promise.all(others.map((w) => w.request("watch", { key: "cold" })));
      const deleted = await deleter.request("delete", { key: "cold" });
      expect(deleted.removed).toBe(true);
      const heard = await Promise.all(
        others.map((w) => w.until("invalidated").then(([e]) => e!)),
      );
      const latencies = heard.map((e) => (e.at as number) - (deleted.at as number));
      console.info(
        `delete → invalidation latency per process (ms): ${latencies.map((ms) => ms.toFixed(2)).join(", ")}`,
      );
      expect(heard.every((e) => e.change === "delete")).toBe(true);
      expect(Math.max(...latencies)).toBeLessThan(50);
      for (const w of others)
        expect((await w.request("get", { key: "cold" })).value).toBeUndefined();
    },
  );
});
