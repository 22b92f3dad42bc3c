/**
 * Opens the cache's own connection for the `url` option. ioredis is an optional peer dependency
 * of `@ladder/cache` (the core entry needs nothing), so it is loaded here, on first use, and its
 * absence is one clear error instead of a module-resolution failure at import time.
 *
 * @internal
 */
import { createRequire } from "node:module";
import type * as IORedis from "ioredis";
import type { Redis } from "ioredis";
import { OWNER } from "./redis-cache-options.js";

const load = createRequire(import.meta.url);

/** The error thrown when ioredis is not installed. @internal */
export const MISSING_CLIENT_CODE = "LADDER_REDIS_CLIENT_MISSING";

/**
 * Loads ioredis.
 *
 * @param require - the module loader (tests pass one that fails)
 * @returns the ioredis module
 * @throws Error with code `LADDER_REDIS_CLIENT_MISSING` when ioredis is not installed
 * @internal
 */
export function loadIoredis(require: (id: string) => unknown = load): typeof IORedis {
  try {
    return require("ioredis") as typeof IORedis;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== "MODULE_NOT_FOUND") throw error;
    throw Object.assign(
      new Error(
        `${OWNER}: the \`url\` option needs the ioredis package (an optional peer dependency of @ladder/cache); install it with \`npm install ioredis\`, or pass a \`client\`.`,
        { cause: error },
      ),
      { code: MISSING_CLIENT_CODE },
    );
  }
}

/**
 * Creates the command connection for a `url`. It never queues a command while disconnected and
 * never resends an unanswered one after a reconnect: a command the cache gave up on must not run
 * later. Auto-pipelining stays off: it defers every command by one `setImmediate`, which made a
 * lone call about 60 % slower (measured: 44–51 µs → 71–92 µs per sequential remote get) for a
 * 25–35 % gain only when dozens of calls are in flight; pass a `client` that enables it for that.
 *
 * @param url - the `url` option
 * @param name - the cache's name, for `CLIENT LIST`
 * @returns the connection, connecting
 * @internal
 */
export function createClient(url: string, name: string): Redis {
  const { Redis: Client } = loadIoredis();
  const client = new Client(url, {
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    // CLIENT SETNAME refuses spaces and newlines.
    connectionName: `ladder-cache:${name.replaceAll(/[^\w:.-]/g, "_")}`,
  });
  // Its errors are reconnections; the cache sees each failed command through its runner.
  client.on("error", () => undefined);
  return client;
}
