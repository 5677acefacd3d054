import type { Database } from "~/db.server";
import { isUniqueViolation } from "~/services/prisma-errors.server";

import { BulkRunError } from "./bulk-run-error";
import { UNDO_CANDIDATE_STATUSES, UNDOABLE_RUN_STATUSES } from "./run-status";
import { refuseWhileActive } from "./start-run.server";

async function ownedRun(db: Database, shopId: string, runId: string) {
  const run = await db.bulkRun.findFirst({ where: { id: runId, shopId } });
  if (!run) throw new BulkRunError("NOT_FOUND", "No such bulk run for this shop");
  return run;
}

/**
 * Asks a running run to stop after the batch in flight. The worker settles any update whose
 * answer was lost, then marks the run cancelled; items not reached stay pending.
 */
export async function cancelRun(db: Database, shopId: string, runId: string) {
  const run = await ownedRun(db, shopId, runId);
  const cancelled = await db.bulkRun.updateMany({
    where: { id: run.id, shopId, status: { in: ["queued", "running"] } },
    data: { status: "cancelling" },
  });
  if (cancelled.count === 0) {
    throw new BulkRunError(
      "NOT_CANCELLABLE",
      `The run is ${run.status} and can no longer be cancelled`,
    );
  }
}

/**
 * Starts undoing a finished run: it takes the shop's active slot again and the worker restores
 * the previous values of every product the run updated.
 */
export async function undoRun(db: Database, shopId: string, runId: string) {
  const run = await ownedRun(db, shopId, runId);
  if (!UNDOABLE_RUN_STATUSES.includes(run.status as never)) {
    throw new BulkRunError(
      "NOT_UNDOABLE",
      `The run is ${run.status}; only a finished run can be undone`,
    );
  }
  const changed = await db.bulkRunItem.count({
    where: { runId, status: { in: [...UNDO_CANDIDATE_STATUSES] } },
  });
  if (changed === 0)
    throw new BulkRunError("NOT_UNDOABLE", "The run changed no product that undo could restore");

  await refuseWhileActive(db, shopId);
  try {
    const started = await db.bulkRun.updateMany({
      where: { id: run.id, shopId, status: run.status },
      data: { status: "undoing", activeShopId: shopId, finishedAt: null, error: null },
    });
    if (started.count === 0)
      throw new BulkRunError("NOT_UNDOABLE", "The run changed state; try again");
  } catch (error) {
    if (isUniqueViolation(error)) await refuseWhileActive(db, shopId);
    throw error;
  }
}
