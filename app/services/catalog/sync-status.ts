/** A running sync whose heartbeat is older than this was cut off (a restart, a crash). */
export const SYNC_STALE_AFTER_MS = 5 * 60_000;

export type SyncState = "never" | "running" | "completed" | "failed" | "cancelled" | "interrupted";

export interface SyncRow {
  status: string;
  trigger: string;
  total: number | null;
  processed: number;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
  lastCompletedAt: Date | null;
  error: string | null;
}

/** What the page and the API show of a shop's sync. */
export function syncStatus(row: SyncRow | null, now = new Date()) {
  if (!row) {
    return {
      state: "never" as SyncState,
      trigger: null,
      total: null,
      processed: 0,
      startedAt: null,
      finishedAt: null,
      lastCompletedAt: null,
      error: null,
    };
  }
  const stale =
    row.status === "running" && now.getTime() - row.heartbeatAt.getTime() > SYNC_STALE_AFTER_MS;
  return {
    state: (stale ? "interrupted" : row.status) as SyncState,
    trigger: row.trigger,
    total: row.total,
    processed: row.processed,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    lastCompletedAt: row.lastCompletedAt?.toISOString() ?? null,
    error: row.error,
  };
}

export type SyncStatus = ReturnType<typeof syncStatus>;
