/**
 * Lowers the scheduling priority of the calling thread, so background work takes only the CPU
 * the main thread leaves free.
 *
 * The TSDoc prefetch worker runs while the main thread builds the Program. On a two-core machine
 * the two threads then also compete with V8's own helper threads (parallel scavenges, background
 * compilation), and building the Program took about 0.25 s longer on the 1 000-module bench
 * corpus than with the worker at the lowest priority. Linux schedules threads one by one, so the
 * worker can lower its own priority without touching the process; elsewhere this does nothing.
 *
 * @internal
 */
import { readlinkSync } from "node:fs";
import { constants, setPriority } from "node:os";
import { basename } from "node:path";

/**
 * Gives the calling thread the lowest scheduling priority (nice 19), where the system allows it per thread.
 *
 * @param threadSelf - the link naming the calling thread (`/proc/thread-self` on Linux, which
 *   resolves to `<pid>/task/<tid>`)
 * @returns whether the priority was lowered
 * @internal
 */
export function lowerThreadPriority(threadSelf = "/proc/thread-self"): boolean {
  try {
    const threadId = Number(basename(readlinkSync(threadSelf)));
    if (!Number.isInteger(threadId)) return false;
    setPriority(threadId, constants.priority.PRIORITY_LOW);
    return true;
  } catch {
    return false; // no per-thread link (not Linux) or not allowed: run at the usual priority
  }
}
