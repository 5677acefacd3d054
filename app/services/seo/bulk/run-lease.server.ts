import { randomUUID } from "node:crypto";

import type { Database } from "~/db.server";

/**
 * One app instance's claims on bulk runs. Every instance resumes active runs on start and any of
 * them may be woken by a request, so a run is worked only by the instance holding its lease; a
 * lease not renewed within `ms` (its instance died) can be taken over by another instance.
 */
export class RunLeases {
  readonly owner = randomUUID();

  constructor(
    private readonly db: Database,
    readonly ms: number,
  ) {}

  /** Takes or renews the run's lease; false while another instance holds it. */
  async claim(runId: string): Promise<boolean> {
    const now = new Date();
    const claimed = await this.db.bulkRun.updateMany({
      where: {
        id: runId,
        OR: [{ leaseOwner: this.owner }, { leaseExpiresAt: null }, { leaseExpiresAt: { lt: now } }],
      },
      data: { leaseOwner: this.owner, leaseExpiresAt: new Date(now.getTime() + this.ms) },
    });
    return claimed.count === 1;
  }

  /**
   * Renews the lease every third of its length while `work` runs. When a renewal fails (the
   * database was out of reach for longer than the lease, and another instance may now hold it)
   * the signal given to `work` is aborted, so no further item is sent from here.
   */
  async hold<T>(runId: string, signal: AbortSignal, work: (signal: AbortSignal) => Promise<T>) {
    const held = new AbortController();
    const forward = () => held.abort(signal.reason);
    signal.addEventListener("abort", forward, { once: true });
    const lost = () => held.abort(new Error("the bulk run's lease was lost"));
    const timer = setInterval(() => {
      this.claim(runId).then((ok) => ok || lost(), lost);
    }, this.ms / 3);
    try {
      return await work(held.signal);
    } finally {
      clearInterval(timer);
      signal.removeEventListener("abort", forward);
    }
  }

  /** Lets another instance take the run at once, e.g. when this one shuts down. */
  async release(runId: string): Promise<void> {
    await this.db.bulkRun.updateMany({
      where: { id: runId, leaseOwner: this.owner },
      data: { leaseOwner: null, leaseExpiresAt: null },
    });
  }
}
