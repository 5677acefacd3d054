import type { Database } from "~/db.server";
import { observeJob } from "~/observability/job.server";
import type { Logger } from "~/observability/logger.server";
import { identifyShop } from "~/observability/sentry.server";
import type { AdminClient } from "~/services/shopify/client.server";
import type { OperationData } from "~/services/shopify/operation";
import { PRODUCTS_PAGE, PRODUCTS_PAGE_SIZE } from "~/services/shopify/operations/products-page";

import { auditCatalog } from "./audit-catalog.server";
import { PRODUCTS_COUNT } from "./products-count-operation";
import { removeProducts, saveProducts } from "./save-products.server";
import { writeCatalog } from "./write-catalog.server";

type ProductsPage = OperationData<typeof PRODUCTS_PAGE>;

export interface SyncRun {
  db: Database;
  shopId: string;
  startedAt: Date;
  signal: AbortSignal;
  log: Logger;
  client: () => Promise<AdminClient>;
}

async function countProducts(client: AdminClient, { signal, log }: SyncRun) {
  try {
    return await client.execute(PRODUCTS_COUNT, {}, { signal });
  } catch (err) {
    if (signal.aborted) throw err;
    log.warn({ err }, "product count unavailable; the sync runs without a total");
    return null;
  }
}

/**
 * A sync whose heartbeat stopped for too long (a page retried for minutes) may be replaced by a
 * new one; the old one then stops at its next heartbeat instead of writing over the new one.
 */
class SupersededError extends Error {
  constructor() {
    super("a newer sync of this shop took over");
    this.name = "SupersededError";
  }
}

/** Only this run's row: `startedAt` tells it from a newer sync of the same shop. */
function ownRow(run: SyncRun) {
  return { shopId: run.shopId, startedAt: run.startedAt };
}

/** Reads the whole catalog page by page into the mirror, then drops what Shopify no longer has. */
async function syncCatalog(run: SyncRun) {
  const { db, shopId, startedAt, signal } = run;
  const record = async (data: { total?: number | null; processed?: number }) => {
    const { count } = await db.catalogSync.updateMany({
      where: ownRow(run),
      data: { ...data, heartbeatAt: new Date() },
    });
    if (count === 0) throw new SupersededError();
  };
  const client = await run.client();
  identifyShop({ domain: client.shop });

  await record({ total: await countProducts(client, run) });

  let processed = 0;
  let after: string | null = null;
  for (;;) {
    const { products }: ProductsPage = await client.execute(
      PRODUCTS_PAGE,
      { first: PRODUCTS_PAGE_SIZE, after },
      { signal },
    );
    await writeCatalog(db, shopId, (tx) => saveProducts(tx, shopId, products.nodes, startedAt));
    processed += products.nodes.length;
    await record({ processed });

    after = products.pageInfo.endCursor;
    if (!products.pageInfo.hasNextPage || !after) break;
    signal.throwIfAborted();
  }

  const { change } = await writeCatalog(db, shopId, (tx) =>
    removeProducts(tx, shopId, { notSeenSince: startedAt }),
  );
  // The whole catalog once more: picks up any race between this run and webhooks, and changes
  // to the audit rules since the last sync.
  const audit = await auditCatalog(db, shopId, "all");
  return { processed, removed: change.removed, audit };
}

function describe(err: unknown): string {
  if (err instanceof Response) return `Shopify answered HTTP ${err.status}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Why a sync stopped. Being stopped by a shutdown, an uninstall or the shop's erasure is part
 * of the app's life; anything else is a failure worth an error log.
 */
async function stopReason(run: SyncRun, err: unknown) {
  if (run.signal.aborted) {
    return { status: "cancelled", error: describe(run.signal.reason), expected: true };
  }
  if (err instanceof SupersededError)
    return { status: "cancelled", error: err.message, expected: true };
  const shop = await run.db.shop
    .findUnique({ where: { id: run.shopId }, select: { uninstalledAt: true } })
    .catch(() => undefined);
  if (shop === null) return { status: "cancelled", error: "the shop was erased", expected: true };
  if (shop?.uninstalledAt) {
    return { status: "cancelled", error: "the app was uninstalled", expected: true };
  }
  return { status: "failed", error: describe(err), expected: false };
}

/**
 * Runs a claimed sync to its end and records the outcome; never rejects. It runs as a job of its
 * own, so its lines carry the sync rather than the request that started it.
 */
export function runSync(run: SyncRun): Promise<void> {
  return observeJob("catalog-sync", { log: run.log }, () => syncAndRecord(run));
}

async function syncAndRecord(run: SyncRun): Promise<void> {
  const { db, log } = run;
  try {
    const result = await syncCatalog(run);
    const finishedAt = new Date();
    await db.catalogSync.updateMany({
      where: ownRow(run),
      data: {
        status: "completed",
        processed: result.processed,
        total: result.processed,
        finishedAt,
        heartbeatAt: finishedAt,
        lastCompletedAt: finishedAt,
      },
    });
    log.info(
      {
        products: result.processed,
        removed: result.removed,
        issuesAdded: result.audit.issuesAdded,
        issuesResolved: result.audit.issuesResolved,
        ms: finishedAt.getTime() - run.startedAt.getTime(),
      },
      "catalog sync finished",
    );
  } catch (err) {
    const { status, error, expected } = await stopReason(run, err);
    const now = new Date();
    await db.catalogSync
      .updateMany({
        where: ownRow(run),
        data: { status, error, finishedAt: now, heartbeatAt: now },
      })
      .catch((recordErr: unknown) => log.warn({ err: recordErr }, "sync outcome not recorded"));
    if (expected) log.info({ reason: error }, "catalog sync stopped");
    else log.error({ err }, "catalog sync failed");
  }
}
