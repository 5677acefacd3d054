import type { Database } from "~/db.server";
import { isUniqueViolation } from "~/services/prisma-errors.server";

interface Delivery {
  /** Shopify's X-Shopify-Webhook-Id: the same for every retry of one delivery. */
  id: string;
  shopDomain: string;
  topic: string;
}

/**
 * Records a delivery before it is handled; false when its id is already recorded, that is, it
 * was handled or is being handled. The primary key makes this hold across app instances.
 */
export async function claimDelivery(db: Database, delivery: Delivery): Promise<boolean> {
  try {
    await db.webhookDelivery.create({ data: delivery });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** Forgets a delivery whose handler failed, so Shopify's retry is handled. */
export async function releaseDelivery(db: Database, id: string): Promise<void> {
  await db.webhookDelivery.deleteMany({ where: { id } });
}
