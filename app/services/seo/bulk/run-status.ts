/** A bulk run's life: see docs/decisions/013-durable-bulk-seo-runs.md. */
export const RUN_STATUSES = [
  "queued",
  "running",
  "cancelling",
  "cancelled",
  "completed",
  "failed",
  "undoing",
  "undone",
] as const;

export type RunStatus = (typeof RUN_STATUSES)[number];

/** A run in one of these holds its shop's single active slot (BulkRun.activeShopId). */
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = [
  "queued",
  "running",
  "cancelling",
  "undoing",
];

/** Finished runs whose changes can still be undone. */
export const UNDOABLE_RUN_STATUSES: readonly RunStatus[] = ["completed", "cancelled", "failed"];

/**
 * One product's part of a run. Applying: pending -> sending -> updated | skipped | failed.
 * Undoing an updated item: restoring -> undone, or kept when the product changed (or was
 * deleted) after the run and undo leaves it alone.
 */
export const ITEM_STATUSES = [
  "pending",
  "sending",
  "updated",
  "skipped",
  "failed",
  "restoring",
  "undone",
  "kept",
] as const;

export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** Items an undo still has to look at. */
export const UNDO_CANDIDATE_STATUSES: readonly ItemStatus[] = ["updated", "sending", "restoring"];

export function isRunStatus(value: string): value is RunStatus {
  return (RUN_STATUSES as readonly string[]).includes(value);
}

export function isActiveRunStatus(status: string): boolean {
  return (ACTIVE_RUN_STATUSES as readonly string[]).includes(status);
}
