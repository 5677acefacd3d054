import { prisma } from "~/db.server";
import { env } from "~/env.server";
import type { Service } from "~/lifecycle.server";
import { logger } from "~/observability/logger.server";
import { adminClientForShop } from "~/services/shopify/client.server";

import { BulkRunWorker } from "./bulk-run-worker.server";

// As with the Prisma client, Vite re-evaluates modules in development; one worker must survive
// the reloads or a run could be worked on by two loops.
const globalForWorker = globalThis as typeof globalThis & { searchlightBulkRuns?: BulkRunWorker };

/** The process's one bulk run worker: started with the server, woken by the procedures. */
export const bulkRunWorker: BulkRunWorker =
  globalForWorker.searchlightBulkRuns ??
  new BulkRunWorker({
    db: prisma,
    log: logger.child({ component: "bulk-runs" }),
    clientForShop: adminClientForShop,
    stopGraceMs: Math.min(5_000, env.SHUTDOWN_TIMEOUT_MS),
    leaseMs: env.BULK_RUN_LEASE_MS,
  });

if (env.NODE_ENV === "development") globalForWorker.searchlightBulkRuns = bulkRunWorker;

export const bulkRunService: Service = {
  name: "bulk-runs",
  start: () => bulkRunWorker.start(),
  stop: () => bulkRunWorker.stop(),
};
