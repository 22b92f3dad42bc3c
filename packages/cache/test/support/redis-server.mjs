// Starts a throwaway redis-server for the Redis tier's tests and benchmark: a free loopback port,
// no persistence, owned by the caller (its pid), stopped at the end. Plain JavaScript so the
// benchmark (plain node) and the tests (Vitest) share it; types in redis-server.d.mts.
import { spawn, spawnSync } from "node:child_process";
import { createConnection, createServer } from "node:net";

export const INSTALL_HINT =
  "redis-server is not installed: run `apt-get install -y redis-server` (or `bash packages/cache/test/support/ensure-redis.sh`), or set LADDER_SKIP_REDIS=1 to skip the Redis tests";

/** True when the Redis tests are switched off explicitly. */
export const skipRedis = process.env.LADDER_SKIP_REDIS === "1";

function binary() {
  return process.env.REDIS_SERVER ?? "redis-server";
}

/** Throws a clear error when redis-server cannot be run. */
export function assertRedisInstalled() {
  const probe = spawnSync(binary(), ["--version"], { encoding: "utf8" });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(`${INSTALL_HINT}.`, { cause: probe.error });
  }
}

/** A port nobody listens on now: bind port 0, read the port, close. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One PING over a raw socket; resolves true on +PONG. */
function ping(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => done(data.toString().startsWith("+PONG")));
  });
}

/**
 * Waits for the server's own "Ready to accept connections" line (an event, not a sleep), bounded
 * by `timeoutMs`, then confirms with a PING.
 */
async function waitUntilReady(port, child, timeoutMs) {
  await new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(
      () => fail(new Error(`redis-server on port ${port} was not ready within ${timeoutMs} ms.`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      seen += chunk;
      if (seen.includes("Ready to accept connections")) finish();
    };
    const onExit = (code) =>
      fail(new Error(`redis-server exited with ${code} before it was ready:\n${seen}`));
    function finish() {
      clearTimeout(timer);
      child.stdout.off("data", onData);
      child.off("exit", onExit);
      child.stdout.resume(); // keep draining its log so it never blocks on a full pipe
      resolve();
    }
    function fail(error) {
      clearTimeout(timer);
      reject(error);
    }
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", onData);
    child.once("exit", onExit);
  });
  if (!(await ping(port)))
    throw new Error(`redis-server on port ${port} said ready but did not answer PING.`);
}

/**
 * Starts redis-server on `port` (a free one when omitted).
 *
 * @param {{ port?: number }} [options]
 * @returns {Promise<import("./redis-server.d.mts").RedisServer>}
 */
export async function startRedisServer(options = {}) {
  assertRedisInstalled();
  const port = options.port ?? (await freePort());
  const args = [
    "--bind",
    "127.0.0.1",
    "--port",
    String(port),
    "--save",
    "",
    "--appendonly",
    "no",
  ];
  const child = spawn(binary(), args, { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await waitUntilReady(port, child, 10_000);
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid,
    /** SIGKILL: the server vanishes mid-command, as in a crash. */
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
