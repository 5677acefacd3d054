import type { Service } from "~/lifecycle.server";

interface RunningSync {
  controller: AbortController;
  done: Promise<void>;
}

/** Syncs this process is running, by shop id, so shutdown can stop them cleanly. */
const running = new Map<string, RunningSync>();

/** Runs `work` in the background; it must record its own outcome and never reject. */
export function runInBackground(shopId: string, work: (signal: AbortSignal) => Promise<void>) {
  const controller = new AbortController();
  const entry: RunningSync = { controller, done: Promise.resolve() };
  // A newer sync of the same shop may have replaced this one's entry by the time it ends.
  entry.done = work(controller.signal).finally(() => {
    if (running.get(shopId) === entry) running.delete(shopId);
  });
  running.set(shopId, entry);
}

/** Resolves once the shop's background sync in this process (if any) has ended. */
export async function settled(shopId: string): Promise<void> {
  await running.get(shopId)?.done;
}

/**
 * Stops with the server: each running sync is aborted, records itself as cancelled and the
 * merchant can start it again; the rows already written stay.
 */
export const catalogSyncService: Service = {
  name: "catalog-sync",
  start: async () => {},
  stop: async () => {
    const syncs = [...running.values()];
    for (const sync of syncs) sync.controller.abort(new Error("the server is shutting down"));
    await Promise.allSettled(syncs.map((sync) => sync.done));
  },
};
