import { checkDatabase, disconnectDatabase, prisma } from "~/db.server";
import { env } from "~/env.server";
import type { Service } from "~/lifecycle.server";
import { logger } from "~/observability/logger.server";
import { catalogSyncService } from "~/services/catalog/sync-registry.server";
import { bulkRunService } from "~/services/seo/bulk/bulk-runner.server";

const database: Service = {
  name: "database",
  start: () => checkDatabase(prisma),
  stop: () => disconnectDatabase(prisma),
};

/**
 * What the custom server needs from the app. It reaches server.ts through the Remix build, so
 * the server and the request handlers share one environment, one logger and one Prisma client.
 */
export const runtime = {
  env,
  logger,
  services: [database, catalogSyncService, bulkRunService],
  checkHealth: () => checkDatabase(prisma),
};

export type AppRuntime = typeof runtime;
