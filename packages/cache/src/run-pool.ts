/**
 * Runs `worker` over `items` with at most `concurrency` calls in flight: the seed's
 * `Task.async_stream(items, fun, max_concurrency: n)`. Unlike fixed batches, a slot is refilled as
 * soon as a call finishes, so one slow call does not hold back the next batch.
 *
 * @param items - the work, started in order
 * @param concurrency - the most calls in flight at once; a whole number from 1, or `Infinity`
 * @param worker - called once per item; it should handle its own errors. If one rejects anyway,
 *   no further item starts and the pool rejects with the first error once running calls finish.
 * @param signal - once aborted, no further item starts
 * @returns a promise that settles when every started call has finished
 * @internal
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  worker: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (next < items.length && failure === undefined && signal?.aborted !== true) {
      const item = items[next++] as T;
      try {
        await worker(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Math.min(concurrency, items.length);
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure !== undefined) throw failure.error;
}
