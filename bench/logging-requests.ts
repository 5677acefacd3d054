/**
 * What logging costs on the request path: the built app against the emulator, 50 connections
 * on the authenticated tRPC route, once with LOG_LEVEL=info and the production outputs (JSON on
 * standard output read through a pipe, error.log and combined.log) and once with
 * LOG_LEVEL=silent, alternating so that both see the same machine.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { startEmulator } from "../emulator/index";

const CONNECTIONS = 50;
const DURATION_S = 10;
const ROUNDS = 2;
const SHOP = { domain: "bench-shop.myshopify.com", name: "Bench Shop", products: 10 };
// Widened so that the run measures the app, not Shopify's rate limit (see bench/request-cost.ts).
const BUCKET = { size: 1_000_000, restoreRate: 1_000_000 };

export type Mode = "info" | "silent";
export type RequestCost = { mode: Mode; requestsPerSecond: number; p50: number; p99: number };

async function startApp(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { PATH: process.env.PATH, NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // A log shipper would read standard output; draining the pipe keeps the app from blocking.
  child.stdout?.resume();
  while (child.exitCode === null) {
    const ok = await fetch(`${env.SHOPIFY_APP_URL}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}`);
  return () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
}

export async function measureRequestCost(): Promise<RequestCost[]> {
  const port = 3100 + Math.floor(Math.random() * 500);
  const appUrl = `http://127.0.0.1:${port}`;
  const apiKey = "bench-api-key";
  const apiSecret = randomBytes(24).toString("hex");
  const dataDir = mkdtempSync(path.join(tmpdir(), "searchlight-bench-logging-"));
  const databaseUrl = `file:${path.join(dataDir, "bench.sqlite")}`;

  const migrate = spawn("npx", ["tsx", "scripts/db/migrate-deploy.ts"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });
  await new Promise((resolve) => migrate.once("exit", resolve));
  const emulator = await startEmulator({
    port: 0,
    app: { apiKey, apiSecret, url: appUrl },
    bucket: BUCKET,
    shops: [SHOP],
  });
  const baseEnv = {
    PORT: String(port),
    LISTEN_HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_APP_URL: appUrl,
    SHOPIFY_EMULATOR_URL: emulator.url,
    LOG_DIR: path.join(dataDir, "logs"),
  };

  const results: RequestCost[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of ["info", "silent"] as const) {
        const stop = await startApp({ ...baseEnv, LOG_LEVEL: mode });
        const { token } = (await fetch(`${emulator.url}/__emulator/session-tokens`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ shop: SHOP.domain }),
        }).then((response) => response.json())) as { token: string };
        const headers = { Authorization: `Bearer ${token}` };
        // One call first so the token exchange and the Shop row are not part of the measurement.
        await fetch(`${appUrl}/api/trpc/shop.info`, { headers });
        const result = await autocannon({
          url: `${appUrl}/api/trpc/shop.info`,
          connections: CONNECTIONS,
          duration: DURATION_S,
          headers,
        });
        await stop();
        if (result.errors + result.non2xx > 0) {
          throw new Error(`${mode}: ${result.errors + result.non2xx} requests failed`);
        }
        results.push({
          mode,
          requestsPerSecond: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
        });
      }
    }
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

export const REQUEST_BENCH = {
  connections: CONNECTIONS,
  durationSeconds: DURATION_S,
  rounds: ROUNDS,
};
