/**
 * The Products page at 10,000 products against the same page at 100, side by side in one run:
 * the built app and the emulator, a fresh database per provider, both catalogs read by the real
 * sync (Admin API pages through the emulator), then the products.list and products.summary
 * procedures over HTTP, one request at a time, as the page sends them.
 *
 *   npm run bench:products                      (SQLite)
 *   TEST_DATABASE_URL=postgres://... npm run bench:products   (SQLite and PostgreSQL)
 */
import { createDatabase } from "../app/database.server";
import { testDatabaseProviders } from "../tests/integration/database/databases";
import { startStack, type Stack } from "../tests/support/stack";

const LARGE = { domain: "bench-large.myshopify.com", name: "Bench Large", products: 10_000 };
const SMALL = { domain: "bench-small.myshopify.com", name: "Bench Small", products: 100 };
// Wide enough that the sync measures the app, not Shopify's rate limit (reported separately).
const BUCKET = { size: 1_000_000, restoreRate: 1_000_000 };
const SAMPLES = 40;
const STANDARD_RESTORE_PER_S = 100;

function print(line = "") {
  process.stdout.write(`${line}\n`);
}

async function call(stack: Stack, token: string, path: string, input?: unknown) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const response = await stack.request(`/api/trpc/${path}${query}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok)
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { result: { data: unknown } }).result.data;
}

async function waitForSync(stack: Stack, token: string) {
  for (;;) {
    const status = (await call(stack, token, "products.sync.status")) as { state: string };
    if (status.state === "completed") return;
    if (status.state !== "running") throw new Error(`sync ended ${status.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
}

async function timed(run: () => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const started = performance.now();
    await run();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** The cursor of page `n` (1-based) of a listing, found by walking to it. */
async function cursorOfPage(stack: Stack, token: string, input: object, n: number) {
  let cursor: string | null = null;
  for (let page = 1; page < n; page += 1) {
    const data = (await call(stack, token, "products.list", { ...input, cursor })) as {
      nextCursor: string | null;
    };
    cursor = data.nextCursor;
  }
  return cursor;
}

const SCENARIOS: Array<[string, (stack: Stack, token: string) => Promise<() => Promise<unknown>>]> =
  [
    ["list, first page by title", async (s, t) => () => call(s, t, "products.list", {})],
    [
      "list, page 4 by score",
      async (s, t) => {
        const input = { sort: "score", pageSize: 25 };
        const cursor = await cursorOfPage(s, t, input, 4);
        return () => call(s, t, "products.list", { ...input, cursor });
      },
    ],
    [
      "list, filtered by issue",
      async (s, t) => () =>
        call(s, t, "products.list", { issue: "seo-description-too-long", sort: "score" }),
    ],
    ["list, search text", async (s, t) => () => call(s, t, "products.list", { search: "linen" })],
    ["list, 100 per page", async (s, t) => () => call(s, t, "products.list", { pageSize: 100 })],
    ["summary", async (s, t) => () => call(s, t, "products.summary")],
  ];

async function benchProvider(provider: "sqlite" | "postgresql") {
  const stack = await startStack(provider, {
    shops: [
      { ...LARGE, bucket: BUCKET },
      { ...SMALL, bucket: BUCKET },
    ],
    env: { LOG_LEVEL: "warn" },
  });
  try {
    const tokens = {
      large: await stack.sessionToken(LARGE.domain),
      small: await stack.sessionToken(SMALL.domain),
    };
    const syncStarted = performance.now();
    await call(stack, tokens.large, "shop.info");
    await waitForSync(stack, tokens.large);
    const syncMs = performance.now() - syncStarted;
    await call(stack, tokens.small, "shop.info");
    await waitForSync(stack, tokens.small);

    if (provider === "postgresql") {
      // Fresh tables have no planner statistics until autovacuum's analyze, which runs within
      // a minute of a load this size; the bench measures that steady state.
      const db = createDatabase(stack.databaseUrl);
      await db.$executeRawUnsafe("ANALYZE");
      await db.$disconnect();
    }

    const journal = (await (
      await fetch(`${stack.emulatorUrl}/__emulator/journal?shop=${LARGE.domain}&kind=graphql`)
    ).json()) as { entries: Array<{ operationName?: string; cost?: { actual?: number } | null }> };
    const pages = journal.entries.filter((entry) => entry.operationName === "ProductsPage");
    const points = pages.reduce((sum, entry) => sum + (entry.cost?.actual ?? 0), 0);

    print(`\n${provider}`);
    const perSecond = Math.round((LARGE.products / syncMs) * 1000);
    print(
      `  sync of ${LARGE.products.toLocaleString("en")} products: ${(syncMs / 1000).toFixed(1)} s` +
        ` (${pages.length} pages, ${perSecond} products/s); at Shopify's Standard restore` +
        ` rate its ${points.toLocaleString("en")} points take` +
        ` ${Math.round(points / STANDARD_RESTORE_PER_S)} s`,
    );
    print(`  ${"".padEnd(28)} ${"10,000".padStart(16)} ${"100".padStart(16)}  p50 ratio`);
    for (const [label, prepare] of SCENARIOS) {
      const large = await timed(await prepare(stack, tokens.large));
      const small = await timed(await prepare(stack, tokens.small));
      const cell = (r: { p50: number; p95: number }) =>
        `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms`.padStart(16);
      const ratio = (large.p50 / small.p50).toFixed(2);
      print(`  ${label.padEnd(28)} ${cell(large)} ${cell(small)}  ${ratio}x`);
    }
  } finally {
    await stack.stop();
  }
}

print(`products.list and products.summary over HTTP, ${SAMPLES} sequential requests each`);
print("(p50 / p95; the 100-product shop is the baseline, same server and database)");
for (const provider of testDatabaseProviders()) await benchProvider(provider);
