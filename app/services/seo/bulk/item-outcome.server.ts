import type { Database } from "~/db.server";
import { BatchCancelledError } from "~/services/shopify/batch.server";
import {
  AdminAbortedError,
  AdminThrottledError,
  AdminTransportError,
  UserErrorsError,
} from "~/services/shopify/errors";
import type { UserError } from "~/services/shopify/operation";

import type { ItemStatus } from "./run-status";

export type ItemOutcome = { status: "updated" } | ItemFailure;

export type ItemFailure = { status: "skipped" | "failed"; reason: string };

/**
 * Shopify answers an update of a product that no longer exists with a user error on the id.
 * Such an item is skipped, not failed: the product is gone, and the run goes on.
 */
export function isMissingProduct(userErrors: UserError[]): boolean {
  return userErrors.some(
    (error) =>
      error.field?.at(-1) === "id" ||
      /does not exist|not found|could not be found/i.test(error.message),
  );
}

export const PRODUCT_DELETED = "The product no longer exists in Shopify";

/**
 * A failure that leaves it unknown whether Shopify applied the update, or that says to try
 * again later: the item stays "sending" and is checked before anything is sent again.
 */
export function isUncertain(error: unknown): boolean {
  return (
    error instanceof AdminTransportError ||
    error instanceof AdminThrottledError ||
    error instanceof AdminAbortedError ||
    error instanceof BatchCancelledError
  );
}

/** What a failed update means for its item, when the failure is not uncertain. */
export function outcomeOfError(error: Error): ItemFailure {
  if (error instanceof UserErrorsError) {
    if (isMissingProduct(error.userErrors)) return { status: "skipped", reason: PRODUCT_DELETED };
    const reason = error.userErrors
      .map(
        (userError) =>
          (userError.field?.length ? `${userError.field.join(".")}: ` : "") + userError.message,
      )
      .join("; ");
    return { status: "failed", reason };
  }
  return { status: "failed", reason: error.message };
}

const COUNTER: Record<ItemOutcome["status"], "succeeded" | "skipped" | "failed"> = {
  updated: "succeeded",
  skipped: "skipped",
  failed: "failed",
};

/**
 * Moves one item from `from` to its outcome and counts it on the run, in one transaction. The
 * guarded update makes the count exact: an item already moved (by an earlier attempt) is not
 * counted again.
 */
export async function settleItem(
  db: Database,
  item: { id: string; runId: string },
  from: ItemStatus,
  outcome: ItemOutcome,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const moved = await tx.bulkRunItem.updateMany({
      where: { id: item.id, status: from },
      data: { status: outcome.status, error: "reason" in outcome ? outcome.reason : null },
    });
    if (moved.count === 0) return false;
    await tx.bulkRun.update({
      where: { id: item.runId },
      data: { processed: { increment: 1 }, [COUNTER[outcome.status]]: { increment: 1 } },
    });
    return true;
  });
}
