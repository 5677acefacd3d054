import type { Database } from "~/db.server";
import { isUniqueViolation } from "~/services/prisma-errors.server";
import { logger, type Logger } from "~/observability/logger.server";
import { adminClientForShop, type AdminClient } from "~/services/shopify/client.server";

import { runInBackground } from "./sync-registry.server";
import { runSync } from "./sync-run.server";
import { SYNC_STALE_AFTER_MS } from "./sync-status";

export type SyncTrigger = "install" | "manual";

interface SyncTarget {
  shopId: string;
  domain: string;
}

/**
 * Takes the shop's one sync slot: true when no sync is running (or the running one stopped
 * sending heartbeats). The unique shopId makes this safe across app instances.
 */
async function claimSync(db: Database, shopId: string, trigger: SyncTrigger, now: Date) {
  const running = {
    status: "running",
    trigger,
    total: null,
    processed: 0,
    startedAt: now,
    heartbeatAt: now,
    finishedAt: null,
    error: null,
  };
  const staleBefore = new Date(now.getTime() - SYNC_STALE_AFTER_MS);
  const { count } = await db.catalogSync.updateMany({
    where: { shopId, OR: [{ status: { not: "running" } }, { heartbeatAt: { lt: staleBefore } }] },
    data: running,
  });
  if (count === 1) return true;
  try {
    await db.catalogSync.create({ data: { shopId, ...running } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/**
 * Starts a full sync of the shop's catalog in the background, unless one is already running,
 * and returns at once whether it started. Progress and the outcome are on the CatalogSync row.
 */
export async function startCatalogSync(
  db: Database,
  target: SyncTarget,
  options: {
    trigger: SyncTrigger;
    log?: Logger;
    client?: () => Promise<AdminClient>;
  },
): Promise<boolean> {
  const startedAt = new Date();
  if (!(await claimSync(db, target.shopId, options.trigger, startedAt))) return false;

  const log = (options.log ?? logger).child({
    component: "catalog-sync",
    shop: target.domain,
    sync: options.trigger,
  });
  const client = options.client ?? (() => adminClientForShop(target.domain, log));
  log.info("catalog sync started");
  runInBackground(target.shopId, (signal) =>
    runSync({ db, shopId: target.shopId, startedAt, signal, log, client }),
  );
  return true;
}

/**
 * After Shopify hands the app a new access token: sync when the mirror is older than the
 * current installation (a first install, or a reinstall after webhooks could not reach the app).
 * A token exchanged again for the same installation starts nothing. Never throws: a sync that
 * cannot start must not fail the merchant's sign-in, and the Products page can start it later.
 */
export async function syncCatalogAfterInstall(db: Database, domain: string): Promise<boolean> {
  try {
    const shop = await db.shop.findUnique({
      where: { domain },
      select: { id: true, installedAt: true, catalogSync: { select: { lastCompletedAt: true } } },
    });
    if (!shop) return false;
    const lastCompletedAt = shop.catalogSync?.lastCompletedAt;
    if (lastCompletedAt && lastCompletedAt >= shop.installedAt) return false;
    return await startCatalogSync(db, { shopId: shop.id, domain }, { trigger: "install" });
  } catch (err) {
    logger.error(
      { err, component: "catalog-sync", shop: domain },
      "catalog sync could not start after install",
    );
    return false;
  }
}
