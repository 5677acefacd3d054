/**
 * How close the cost-aware Admin API client runs to Shopify's rate limit, against the emulator
 * set to the Standard plan's shape (a bucket holding 20 s of restore), in one run:
 *
 * - SEO updates of 2,000 products with runBatch: steady-state cost throughput as a fraction of
 *   the restore rate, and failed updates; beside it the original system's way (one request
 *   after another, no throttle handling) on an identical shop: its time and its failures.
 * - A read of a 10,000-product catalog: elapsed time against the minimum the cost budget allows.
 *
 * The bucket and the restore rate are multiplied by the same factor (printed) so the run takes
 * minutes, not the half hour a 10,000-product read takes at 100 points a second; every figure
 * is a ratio, so the factor cancels out.
 *
 *   npm run bench:admin [-- --update-scale 2 --read-scale 10]
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import type { AdminApiContext } from "@shopify/shopify-app-remix/server";

import { runBatch } from "~/services/shopify/batch.server";
import type { OperationData } from "~/services/shopify/operation";
import { PRODUCT_SEO_UPDATE } from "~/services/shopify/operations/product-seo-update";
import { PRODUCTS_PAGE, PRODUCTS_PAGE_SIZE } from "~/services/shopify/operations/products-page";

import { startEmulator, type JournalEntry } from "../emulator/index";
import { deployMigrations } from "../scripts/db/apply";

const STANDARD = { size: 2000, restoreRate: 100 };
const UPDATES = 2_000;
const CATALOG = 10_000;
const CONCURRENCY = 8;
const SHOPS = {
  client: "bench-client.myshopify.com",
  naive: "bench-naive.myshopify.com",
  catalog: "bench-catalog.myshopify.com",
};

type Bucket = { size: number; restoreRate: number };

function print(line = "") {
  process.stdout.write(`${line}\n`);
}

const number = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function scaled(factor: number): Bucket {
  return { size: STANDARD.size * factor, restoreRate: STANDARD.restoreRate * factor };
}

function describeBucket(bucket: Bucket, factor: number): string {
  return (
    `Standard plan x${factor}: bucket ${number(bucket.size)} points, ` +
    `restore ${number(bucket.restoreRate)} points/s`
  );
}

async function emulatorJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "Content-Type": "application/json", ...init.headers },
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** An offline access token from the emulator's token exchange, as the app's install gets. */
async function offlineToken(emulatorUrl: string, shop: string, apiKey: string, secret: string) {
  const { token } = await emulatorJson<{ token: string }>(
    `${emulatorUrl}/__emulator/session-tokens`,
    { method: "POST", body: JSON.stringify({ shop }) },
  );
  const answer = await emulatorJson<{ access_token: string; scope: string }>(
    `${emulatorUrl}/shop/${shop}/admin/oauth/access_token`,
    {
      method: "POST",
      body: JSON.stringify({
        client_id: apiKey,
        client_secret: secret,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: token,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
      }),
    },
  );
  return answer;
}

/** Points Shopify charged a shop for the answers it gave, from the emulator's journal. */
async function pointsCharged(emulatorUrl: string, shop: string): Promise<number> {
  const { entries } = await emulatorJson<{ entries: JournalEntry[] }>(
    `${emulatorUrl}/__emulator/journal?shop=${shop}&kind=graphql`,
  );
  return entries.reduce((sum, entry) => sum + (entry.cost?.actual ?? 0), 0);
}

async function main() {
  const { values } = parseArgs({
    options: {
      "update-scale": { type: "string", default: "2" },
      "read-scale": { type: "string", default: "10" },
    },
  });
  const updateScale = Number(values["update-scale"]);
  const readScale = Number(values["read-scale"]);
  const updateBucket = scaled(updateScale);
  const readBucket = scaled(readScale);

  const apiKey = "bench-api-key";
  const apiSecret = randomBytes(24).toString("hex");
  const dataDir = mkdtempSync(path.join(tmpdir(), "searchlight-bench-admin-"));
  const databaseUrl = `file:${path.join(dataDir, "bench.sqlite")}`;
  await deployMigrations(databaseUrl);

  const appUrl = "http://127.0.0.1:9";
  const emulator = await startEmulator({
    port: 0,
    app: { apiKey, apiSecret, url: appUrl },
    shops: [
      { domain: SHOPS.client, products: UPDATES, bucket: updateBucket },
      { domain: SHOPS.naive, products: UPDATES, bucket: updateBucket },
      { domain: SHOPS.catalog, products: CATALOG, bucket: readBucket },
    ],
    // Product webhooks have nowhere to go in this run; one quick try each.
    webhooks: { attempts: 1, timeoutMs: 50 },
  });

  Object.assign(process.env, {
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SHOPIFY_EMULATOR_URL: emulator.url,
  });
  const { Session } = await import("@shopify/shopify-app-remix/server");
  const { sessionStorage, unauthenticated } = await import("~/shopify.server");
  const { prisma } = await import("~/db.server");
  for (const shop of Object.values(SHOPS)) {
    const token = await offlineToken(emulator.url, shop, apiKey, apiSecret);
    await sessionStorage.storeSession(
      new Session({
        id: `offline_${shop}`,
        shop,
        state: "",
        isOnline: false,
        accessToken: token.access_token,
        scope: token.scope,
      }),
    );
  }

  print("Admin API client against the emulator (bench/admin-throughput.ts)");
  print();
  print(`SEO updates of ${number(UPDATES)} products, ${describeBucket(updateBucket, updateScale)}`);
  const naive = await originalWay((await unauthenticated.admin(SHOPS.naive)).admin);
  const batch = await costAwareBatch(emulator.url, updateBucket);
  print(
    `  cost-aware client (runBatch, ${CONCURRENCY} at a time): ${number(batch.seconds, 1)} s, ` +
      `${number(batch.points)} points, failed ${batch.failed}`,
  );
  print(
    `    steady-state cost throughput: ${number(batch.fraction, 3)} of the restore rate ` +
      `((points - initial bucket) / (elapsed x restore rate))`,
  );
  print(
    `  original way (sequential, no throttle handling): ${number(naive.seconds, 1)} s, ` +
      `failed ${number(naive.failed)} of ${number(UPDATES)} (THROTTLED ${number(naive.throttled)})`,
  );
  print();

  print(`Catalog read of ${number(CATALOG)} products, ${describeBucket(readBucket, readScale)}`);
  const read = await catalogRead(emulator.url, readBucket);
  print(
    `  ${read.pages} pages, ${number(read.products)} products, ${number(read.points)} points: ` +
      `${number(read.seconds, 1)} s`,
  );
  print(
    `  minimum the cost budget allows: ${number(read.minimum, 1)} s ` +
      `(max(0, points - bucket) / restore rate); ` +
      `elapsed / minimum ${number(read.seconds / read.minimum, 3)}`,
  );

  await prisma.$disconnect();
  await emulator.close();
  rmSync(dataDir, { recursive: true, force: true });
  // The app's modules keep timers (session storage polling); the figures are printed.
  process.exit(0);
}

function seoFor(index: number) {
  return {
    id: `gid://shopify/Product/${index + 1}`,
    seo: {
      title: `Product ${index + 1} | Bench Shop`,
      description: `Everything about product ${index + 1}, written for search engines.`,
    },
  };
}

/** The original batch helper: one update after another, a failure recorded and skipped. */
async function originalWay(admin: AdminApiContext) {
  let failed = 0;
  let throttled = 0;
  const started = performance.now();
  for (let index = 0; index < UPDATES; index += 1) {
    try {
      const variables = PRODUCT_SEO_UPDATE.variables.parse(seoFor(index));
      await admin.graphql(PRODUCT_SEO_UPDATE.document, {
        variables: variables as Record<string, unknown>,
        tries: 1,
      });
    } catch (error) {
      failed += 1;
      if (JSON.stringify((error as { body?: unknown }).body ?? "").includes("THROTTLED")) {
        throttled += 1;
      }
    }
  }
  return { seconds: (performance.now() - started) / 1000, failed, throttled };
}

async function costAwareBatch(emulatorUrl: string, bucket: Bucket) {
  // Loaded once the environment is set: the client logs through the app's logger.
  const { adminClientForShop } = await import("~/services/shopify/client.server");
  const client = await adminClientForShop(SHOPS.client);
  const items = Array.from({ length: UPDATES }, (_, index) => index);

  const started = performance.now();
  const results = await runBatch(
    items,
    (index, signal) => client.execute(PRODUCT_SEO_UPDATE, seoFor(index), { signal }),
    { client, concurrency: CONCURRENCY },
  );
  const seconds = (performance.now() - started) / 1000;

  const points = await pointsCharged(emulatorUrl, SHOPS.client);
  return {
    seconds,
    points,
    failed: results.filter((result) => !result.ok).length,
    fraction: (points - bucket.size) / (seconds * bucket.restoreRate),
  };
}

async function catalogRead(emulatorUrl: string, bucket: Bucket) {
  const { adminClientForShop } = await import("~/services/shopify/client.server");
  const client = await adminClientForShop(SHOPS.catalog);

  let products = 0;
  let pages = 0;
  let after: string | null = null;
  const started = performance.now();
  for (let more = true; more; pages += 1) {
    const page: OperationData<typeof PRODUCTS_PAGE> = await client.execute(PRODUCTS_PAGE, {
      first: PRODUCTS_PAGE_SIZE,
      after,
    });
    products += page.products.nodes.length;
    more = page.products.pageInfo.hasNextPage;
    after = page.products.pageInfo.endCursor;
  }
  const seconds = (performance.now() - started) / 1000;

  const points = await pointsCharged(emulatorUrl, SHOPS.catalog);
  const minimum = Math.max(0, points - bucket.size) / bucket.restoreRate;
  return { seconds, points, pages, products, minimum };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
