/**
 * The Lua scripts of the Redis tier. Each makes a read-and-write atomic on the server, so no other
 * process can act between its steps: a miss takes the lock in the same step that saw the miss, a
 * fill stores only while its lock is held, a release deletes only the caller's own lock.
 *
 * Keys: `KEYS[1]` is the value key, `KEYS[2]` the lock key, `KEYS[3]` the waiters flag. A TTL
 * argument of `""` means none.
 *
 * A load that nobody waits for must not cost a message to every process: a process told to wait
 * raises the waiters flag (in the same step that saw the lock held), and a fill or release
 * publishes only when it finds the flag, which it deletes. `set` and `delete` always publish, as
 * invalidations.
 * Scripts run by SHA (`EVALSHA`), sent in full once per server when it answers `NOSCRIPT`.
 *
 * @internal
 */
import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/** @internal */
export interface Script {
  readonly source: string;
  readonly sha: string;
}

function script(source: string): Script {
  return { source, sha: createHash("sha1").update(source).digest("hex") };
}

const SET_VALUE = `
local function set_value(key, payload, ttl)
  if ttl == '' then redis.call('SET', key, payload) else redis.call('SET', key, payload, 'PX', ttl) end
end`;

/**
 * A hit returns `{1, payload}`; otherwise takes the lock (`{2}`) or raises the waiters flag and
 * reports the lock held (`{3}`). ARGV: token, lock TTL.
 */
export const FETCH_OR_LOCK: Script = script(`
local value = redis.call('GET', KEYS[1])
if value then return {1, value} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {2} end
redis.call('SET', KEYS[3], '1', 'PX', ARGV[2])
return {3}`);

/**
 * Stores the value only while the caller's lock is held, then frees it and notifies waiters, if
 * any. ARGV: token, payload, ttl, channel, message.
 */
export const FILL: Script = script(`${SET_VALUE}
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
set_value(KEYS[1], ARGV[2], ARGV[3])
redis.call('DEL', KEYS[2])
if redis.call('DEL', KEYS[3]) == 1 then redis.call('PUBLISH', ARGV[4], ARGV[5]) end
return 1`);

/** Frees the caller's own lock and notifies waiters, if any. ARGV: token, channel, message. */
export const RELEASE: Script = script(`
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[2])
if redis.call('DEL', KEYS[3]) == 1 then redis.call('PUBLISH', ARGV[2], ARGV[3]) end
return 1`);

/** Keeps the caller's lock alive during a long load. ARGV: token, lock TTL. */
export const EXTEND: Script = script(`
if redis.call('GET', KEYS[2]) ~= ARGV[1] then return 0 end
return redis.call('PEXPIRE', KEYS[2], ARGV[2])`);

/**
 * A `set`: stores the value and deletes any lock, so a load in flight elsewhere cannot overwrite
 * it, then notifies. ARGV: payload, ttl, channel, message.
 */
export const WRITE: Script = script(`${SET_VALUE}
set_value(KEYS[1], ARGV[1], ARGV[2])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('PUBLISH', ARGV[3], ARGV[4])
return 1`);

/**
 * Stores the value unless one is there (a waiter that gave up), notifying other waiters when it
 * did. ARGV: payload, ttl, channel, message.
 */
export const PUT_IF_ABSENT: Script = script(`
local stored
if ARGV[2] == '' then stored = redis.call('SET', KEYS[1], ARGV[1], 'NX')
else stored = redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) end
if not stored then return 0 end
if redis.call('DEL', KEYS[3]) == 1 then redis.call('PUBLISH', ARGV[3], ARGV[4]) end
return 1`);

/** A `delete`: removes the value and any lock, then notifies; returns how many values it removed. ARGV: channel, message. */
export const REMOVE: Script = script(`
local removed = redis.call('DEL', KEYS[1])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('PUBLISH', ARGV[1], ARGV[2])
return removed`);

/**
 * Runs a script by SHA, loading it when the server does not know it (first use, or after a
 * restart or `SCRIPT FLUSH`).
 *
 * @param client - the connection
 * @param code - the script
 * @param keys - its `KEYS`
 * @param args - its `ARGV`
 * @returns the script's reply
 * @internal
 */
export async function runScript(
  client: Redis,
  code: Script,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  try {
    return await client.evalsha(code.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith("NOSCRIPT")) throw error;
    return client.eval(code.source, keys.length, ...keys, ...args);
  }
}
