/**
 * What the request benchmarks share: a migrated SQLite file, the emulator with one shop and a
 * bucket wide enough that the app (not Shopify's rate limit) is measured, the built app's
 * environment pointed at both, and a session token for the shop.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { startEmulator } from "../../emulator/index";

const SHOP = { domain: "bench-shop.myshopify.com", name: "Bench Shop", products: 10 };
// At these request rates one shop would be throttled by a real Standard-plan bucket in seconds.
const BUCKET = { size: 1_000_000, restoreRate: 1_000_000 };

export interface BenchSetup {
  appUrl: string;
  dataDir: string;
  /** The app's environment; a benchmark adds its own variables (LOG_LEVEL, LOG_DIR). */
  env: Record<string, string>;
  /** Headers of an authenticated tRPC call, with a session token as the admin hands it out. */
  authorization(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export async function setUpBench(name: string): Promise<BenchSetup> {
  const port = 3100 + Math.floor(Math.random() * 500);
  const appUrl = `http://127.0.0.1:${port}`;
  const apiKey = "bench-api-key";
  const apiSecret = randomBytes(24).toString("hex");
  const dataDir = mkdtempSync(path.join(tmpdir(), `searchlight-${name}-`));
  const databaseUrl = `file:${path.join(dataDir, "bench.sqlite")}`;

  const migrate = spawn("npx", ["tsx", "scripts/db/migrate-deploy.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });
  const migrated = await new Promise((resolve) => migrate.once("exit", resolve));
  if (migrated !== 0) throw new Error(`migrations failed with ${String(migrated)}`);

  const emulator = await startEmulator({
    port: 0,
    app: { apiKey, apiSecret, url: appUrl },
    bucket: BUCKET,
    shops: [SHOP],
  });
  const env = {
    PORT: String(port),
    LISTEN_HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SHOPIFY_EMULATOR_URL: emulator.url,
  };

  return {
    appUrl,
    dataDir,
    env,
    async authorization() {
      const response = await fetch(`${emulator.url}/__emulator/session-tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ shop: SHOP.domain }),
      });
      const { token } = (await response.json()) as { token: string };
      return { Authorization: `Bearer ${token}` };
    },
    async close() {
      await emulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
