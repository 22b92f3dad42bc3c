/**
 * Sends commands to Redis so that a caller never waits longer than `commandTimeout` and never sees
 * a connection problem as a rejection: every command resolves to its reply or to {@link FAILED},
 * after the failure has been reported. Commands are sent only while the client is `ready`, never
 * into ioredis's offline queue, so a command that timed out during an outage cannot run late
 * against the server once it is back (a late `DEL` would delete a newer value).
 *
 * @internal
 */
import type { Redis } from "ioredis";
import type { CircuitBreaker } from "./circuit-breaker.js";
import type { RedisFailOpenMessage, RedisOperation } from "./redis-telemetry.js";

/** The reply of a command that Redis did not answer in time, or that failed. @internal */
export const FAILED: unique symbol = Symbol("redis command failed");

/** @internal */
export type Failed = typeof FAILED;

/** What the runner reports about one failed command. @internal */
export type FailureReport = Omit<RedisFailOpenMessage, "cache">;

/** @internal */
export interface CommandRunnerOptions {
  readonly client: Redis;
  readonly timeout: number;
  readonly breaker: CircuitBreaker;
  readonly onFailure: (report: FailureReport) => void;
}

/** @internal */
export class CommandRunner {
  readonly #client: Redis;
  readonly #timeout: number;
  readonly #breaker: CircuitBreaker;
  readonly #onFailure: (report: FailureReport) => void;
  #ready: Promise<void> | undefined;

  /**
   * Wraps a client.
   *
   * @param options - the client, the timeout in ms, the breaker and where failures are reported
   */
  constructor(options: CommandRunnerOptions) {
    this.#client = options.client;
    this.#timeout = options.timeout;
    this.#breaker = options.breaker;
    this.#onFailure = options.onFailure;
  }

  /**
   * Runs one command, bounded by the timeout and the breaker.
   *
   * @param operation - what the command is for, in failure reports
   * @param key - the key concerned, in failure reports
   * @param send - sends the command on the client and returns its reply
   * @returns the reply, or {@link FAILED} once the failure is reported
   */
  run<T>(
    operation: RedisOperation,
    key: string | undefined,
    send: (client: Redis) => Promise<T>,
  ): Promise<T | Failed> {
    if (!this.#breaker.tryPass()) {
      const error = new Error("Redis failed recently; the circuit breaker is open.");
      this.#onFailure({ operation, key, reason: "breaker-open", error });
      return Promise.resolve(FAILED);
    }
    return new Promise((resolve) => {
      let settled = false;
      const settle = (reply: T | Failed, failure?: Omit<FailureReport, "operation" | "key">) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (failure === undefined) this.#breaker.success();
        else this.#fail(operation, key, failure);
        resolve(reply);
      };
      const timer = setTimeout(() => {
        const error = new Error(`Redis did not answer ${operation} within ${this.#timeout} ms.`);
        settle(FAILED, { reason: "timeout", error });
      }, this.#timeout);
      const go = (): void => {
        if (settled) return;
        send(this.#client).then(
          (reply) => {
            settle(reply);
          },
          (error: unknown) => {
            settle(FAILED, { reason: "error", error: asError(error) });
          },
        );
      };
      if (this.#client.status === "ready") go();
      else void this.#whenReady().then(go);
    });
  }

  #fail(
    operation: RedisOperation,
    key: string | undefined,
    failure: Omit<FailureReport, "operation" | "key">,
  ): void {
    // A reply error (WRONGTYPE, a script error) means the server is up: it must not open the
    // breaker, but the call still goes on without Redis.
    if (failure.error.name === "ReplyError") this.#breaker.success();
    else this.#breaker.failure();
    this.#onFailure({ operation, key, ...failure });
  }

  /** One promise per period of not being ready, so waiting commands add one listener in all. */
  #whenReady(): Promise<void> {
    if (this.#ready !== undefined) return this.#ready;
    const client = this.#client;
    this.#ready = new Promise<void>((resolve) => {
      client.once("ready", () => {
        this.#ready = undefined;
        resolve();
      });
    });
    if (client.status === "wait") client.connect().catch(() => undefined);
    return this.#ready;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
