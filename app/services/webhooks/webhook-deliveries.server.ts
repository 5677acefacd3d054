import type { Database } from "~/db.server";
import { isUniqueViolation } from "~/services/prisma-errors.server";

interface Delivery {
  /** Shopify's X-Shopify-Webhook-Id: the same for every retry of one delivery. */
  id: string;
  shopDomain: string;
  topic: string;
}

/**
 * A delivery taken this long ago and still not handled was cut off (the process died while
 * handling it); a retry then handles it again. Handlers take seconds, and Shopify gives up on an
 * answer after five.
 */
export const DELIVERY_STALE_AFTER_MS = 2 * 60_000;

/** "claimed": handle it now; "handled": acknowledge it; "in-progress": ask Shopify to retry. */
export type DeliveryClaim = "claimed" | "handled" | "in-progress";

/**
 * Records a delivery before it is handled. Its id is the primary key, so across app instances
 * exactly one request claims it; a retry that arrives while it is being handled must not be
 * acknowledged, or the change would be lost if the first attempt then failed.
 */
export async function claimDelivery(db: Database, delivery: Delivery): Promise<DeliveryClaim> {
  try {
    await db.webhookDelivery.create({ data: delivery });
    return "claimed";
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }

  const now = new Date();
  const taken = await db.webhookDelivery.updateMany({
    where: {
      id: delivery.id,
      handledAt: null,
      receivedAt: { lt: new Date(now.getTime() - DELIVERY_STALE_AFTER_MS) },
    },
    data: { receivedAt: now },
  });
  if (taken.count === 1) return "claimed";
  const existing = await db.webhookDelivery.findUnique({
    where: { id: delivery.id },
    select: { handledAt: true },
  });
  // Gone: its handler failed and released it just now; Shopify's next retry will claim it.
  if (!existing) return "in-progress";
  return existing.handledAt ? "handled" : "in-progress";
}

/** From now on a retry of this delivery is acknowledged without handling. */
export async function markHandled(db: Database, id: string): Promise<void> {
  await db.webhookDelivery.updateMany({ where: { id }, data: { handledAt: new Date() } });
}

/** Forgets a delivery whose handler failed, so Shopify's retry is handled. */
export async function releaseDelivery(db: Database, id: string): Promise<void> {
  await db.webhookDelivery.deleteMany({ where: { id } });
}
