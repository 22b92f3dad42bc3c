/** A redis-server the caller started and must stop. */
export interface RedisServer {
  /** Its loopback port. */
  readonly port: number;
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  /** The server's process id. */
  readonly pid: number | undefined;
  /** Kills it with SIGKILL (a crash) and waits for it to exit. */
  kill(): Promise<void>;
  /** Stops it with SIGTERM and waits for it to exit. */
  stop(): Promise<void>;
}

/** The message of the error thrown when redis-server is missing, naming the install command. */
export const INSTALL_HINT: string;
/** `true` when LADDER_SKIP_REDIS=1 switches the Redis tests off. */
export const skipRedis: boolean;
/** Throws an error naming the install command when redis-server cannot be run. */
export function assertRedisInstalled(): void;
/** A loopback port nobody listens on now. */
export function freePort(): Promise<number>;
/** Starts redis-server on `port` (a free one when omitted) and waits until it answers PING. */
export function startRedisServer(options?: { port?: number }): Promise<RedisServer>;
