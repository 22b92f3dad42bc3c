/**
 * One producer call, made safe: a synchronous throw becomes a rejection, the call's signal aborts
 * when its time runs out or when its owner aborts it, and the returned promise settles on the
 * abort even if the producer ignores its signal and never settles.
 */
import { SweepTimer } from "./sweep-timer.js";

/** What a {@link Refresher} passes to its producer besides the key. */
export interface ProducerContext {
  /**
   * Aborted when the call times out (reason: a `TimeoutError` `DOMException`) or when the refresher
   * is stopped or regenerates (reason: an `AbortError` `DOMException`). Pass it on to `fetch` and
   * friends so the work stops too.
   */
  readonly signal: AbortSignal;
}

/**
 * Makes one value for a key, for a {@link Refresher}: typically a call to a slow, non-deterministic
 * service such as a code generator. It may return the value or a promise of it; throwing is the
 * same as rejecting. Each call should produce a fresh value: the cache's point is variety.
 *
 * @param key - the key to make a value for, exactly as it appears in the key space or was passed to
 *   `getOrGenerate`
 * @param context - carries the `signal` that aborts on timeout or stop
 * @returns the value, or a promise of it
 *
 * @typeParam K - the key type
 * @typeParam V - the value type
 */
export type Producer<K, V> = (key: K, context: ProducerContext) => V | PromiseLike<V>;

/**
 * Calls `producer` once for `key`, cut off after `timeout` milliseconds.
 *
 * @param producer - the caller's producer
 * @param key - the key to produce for
 * @param timeout - milliseconds before the call's signal aborts and the call rejects; `Infinity`
 *   for none (long delays are waited out in safe chunks, on an unref'd timer)
 * @param controller - a fresh controller for this call: aborting it rejects the call with its reason
 * @returns the produced value
 * @throws whatever the producer throws or rejects with, or the abort reason
 * @internal
 */
export async function callProducer<K, V>(
  producer: Producer<K, V>,
  key: K,
  timeout: number,
  controller: AbortController,
): Promise<V> {
  const { signal } = controller;
  const timer = new SweepTimer(timeout, () => {
    timer.stop();
    controller.abort(
      new DOMException(`The producer call timed out after ${timeout} ms.`, "TimeoutError"),
    );
  });
  timer.start();
  try {
    const call = (async () => producer(key, { signal }))();
    return await Promise.race([call, rejectOnAbort(signal)]);
  } finally {
    timer.stop();
  }
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    signal.addEventListener(
      "abort",
      () => {
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
