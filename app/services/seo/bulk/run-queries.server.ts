import type { Database } from "~/db.server";

import { BulkRunError } from "./bulk-run-error";
import {
  ITEM_STATUSES,
  UNDO_CANDIDATE_STATUSES,
  UNDOABLE_RUN_STATUSES,
  type ItemStatus,
} from "./run-status";

const RUN_FIELDS = {
  id: true,
  status: true,
  scope: true,
  titleTemplate: true,
  descriptionTemplate: true,
  total: true,
  processed: true,
  succeeded: true,
  failed: true,
  skipped: true,
  checkpoint: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  template: { select: { id: true, name: true } },
} as const;

function itemCounts(groups: Array<{ status: string; _count: { _all: number } }>) {
  const counts = Object.fromEntries(ITEM_STATUSES.map((status) => [status, 0])) as Record<
    ItemStatus,
    number
  >;
  for (const group of groups) {
    if (group.status in counts) counts[group.status as ItemStatus] = group._count._all;
  }
  return counts;
}

/** A run with what its page shows: counts, progress of an undo, and what can be done next. */
export async function getRun(db: Database, shopId: string, runId: string) {
  const run = await db.bulkRun.findFirst({ where: { id: runId, shopId }, select: RUN_FIELDS });
  if (!run) throw new BulkRunError("NOT_FOUND", "No such bulk run for this shop");

  const groups = await db.bulkRunItem.groupBy({
    by: ["status"],
    where: { runId },
    _count: { _all: true },
  });
  const items = itemCounts(groups);
  const undoLeft = UNDO_CANDIDATE_STATUSES.reduce((sum, status) => sum + items[status], 0);
  const undoDone = items.undone + items.kept;

  return {
    ...run,
    items,
    undo:
      undoDone > 0 || run.status === "undoing"
        ? { total: undoLeft + undoDone, done: undoDone }
        : null,
    canCancel: run.status === "running" || run.status === "queued",
    canUndo: UNDOABLE_RUN_STATUSES.includes(run.status as never) && undoLeft > 0,
  };
}

export function listRuns(db: Database, shopId: string, take = 20) {
  return db.bulkRun.findMany({
    where: { shopId },
    orderBy: { createdAt: "desc" },
    take,
    select: RUN_FIELDS,
  });
}

/** A page of a run's items in position order, optionally of some statuses only. */
export async function listRunItems(
  db: Database,
  shopId: string,
  input: { runId: string; statuses?: ItemStatus[]; afterPosition?: number | null; take: number },
) {
  const run = await db.bulkRun.findFirst({
    where: { id: input.runId, shopId },
    select: { id: true },
  });
  if (!run) throw new BulkRunError("NOT_FOUND", "No such bulk run for this shop");

  const items = await db.bulkRunItem.findMany({
    where: {
      runId: run.id,
      ...(input.statuses?.length && { status: { in: input.statuses } }),
      ...(input.afterPosition != null && { position: { gt: input.afterPosition } }),
    },
    orderBy: { position: "asc" },
    take: input.take + 1,
    select: {
      position: true,
      resourceId: true,
      status: true,
      previousSeoTitle: true,
      previousSeoDescription: true,
      newSeoTitle: true,
      newSeoDescription: true,
      error: true,
    },
  });
  const page = items.slice(0, input.take);
  return {
    items: page,
    nextPosition: items.length > input.take ? (page.at(-1)?.position ?? null) : null,
  };
}
