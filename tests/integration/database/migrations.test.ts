import { readdir } from "node:fs/promises";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  checkDatabase,
  createDatabase,
  databaseProvider,
  disconnectDatabase,
} from "~/database.server";

import { deployMigrations, migrationStatus } from "../../../scripts/db/apply";
import { schemaLayout } from "../../../scripts/db/layout";

import { createEmptyTestDatabase, testDatabaseProviders, type TestDatabase } from "./databases";

describe.each(testDatabaseProviders())("migrations on %s", (provider) => {
  let database: TestDatabase;
  let folders: string[];

  beforeAll(async () => {
    database = await createEmptyTestDatabase(provider);
    const entries = await readdir(schemaLayout(provider).migrationsDir, { withFileTypes: true });
    folders = entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("reports every migration pending on an empty database", async () => {
    const status = await migrationStatus(database.url);

    expect(status).toEqual({ upToDate: false, pending: folders, problems: [] });
  });

  it("deploys every migration, then has nothing left to apply", async () => {
    expect(await deployMigrations(database.url)).toEqual(folders);

    expect(await deployMigrations(database.url)).toEqual([]);
    expect(await migrationStatus(database.url)).toEqual({
      upToDate: true,
      pending: [],
      problems: [],
    });
  });

  it("serves the app's client: a shop with its plan and tags, deleted in one go", async () => {
    expect(databaseProvider(database.url)).toBe(provider);
    const db = createDatabase(database.url);
    try {
      await checkDatabase(db);
      const shop = await db.shop.create({
        data: {
          domain: "round-trip.myshopify.com",
          activePlan: {
            create: {
              planId: "pro",
              planName: "Pro",
              billingInterval: "EVERY_30_DAYS",
              intervalLabel: "month",
              price: "19.99",
              originalPrice: "29.99",
              status: "ACTIVE",
              currentMonthStart: new Date("2026-12-01T00:00:00Z"),
              nextMonthStart: new Date("2027-01-01T00:00:00Z"),
            },
          },
          metaTags: {
            create: {
              resourceType: "PRODUCT",
              resourceId: "gid://shopify/Product/1",
              seoTitle: "Linen shirt",
              source: "manual",
              auditScore: 72,
            },
          },
        },
        include: { activePlan: true, metaTags: true },
      });

      expect(shop.activePlan?.price.toFixed(2)).toBe("19.99");
      expect(shop.activePlan?.nextMonthStart.toISOString()).toBe("2027-01-01T00:00:00.000Z");
      expect(shop.metaTags).toHaveLength(1);
      expect(shop.language).toBe("en");

      await db.shop.delete({ where: { id: shop.id } });

      expect(await db.activePlan.count()).toBe(0);
      expect(await db.metaTag.count()).toBe(0);
    } finally {
      await disconnectDatabase(db);
    }
  });

  it.runIf(provider === "sqlite")("opens SQLite in WAL mode with a busy timeout", async () => {
    const db = createDatabase(database.url);
    try {
      const pragma = (name: string) =>
        db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`);

      expect(await pragma("journal_mode")).toEqual([{ journal_mode: "wal" }]);
      expect(await pragma("busy_timeout")).toEqual([{ timeout: 5000n }]);
      expect(await pragma("foreign_keys")).toEqual([{ foreign_keys: 1n }]);
    } finally {
      await disconnectDatabase(db);
    }
  });

  it("stores the session rows the Shopify session storage writes", async () => {
    const db = createDatabase(database.url);
    try {
      const userId = 9_007_199_254_740_993n;
      await db.session.create({
        data: {
          id: "offline_round-trip.myshopify.com",
          shop: "round-trip.myshopify.com",
          state: "state",
          accessToken: "shpat_fake",
          userId,
          expires: new Date("2027-01-01T00:00:00Z"),
        },
      });

      const row = await db.session.findFirstOrThrow({
        where: { shop: "round-trip.myshopify.com" },
      });

      expect(row.userId).toBe(userId);
      expect(row.isOnline).toBe(false);
    } finally {
      await disconnectDatabase(db);
    }
  });
});
