/**
 * What logging costs on the request path: the built app against the emulator, 50 connections
 * on the authenticated tRPC route, once with LOG_LEVEL=info and the production outputs (JSON on
 * standard output read through a pipe, error.log and combined.log) and once with
 * LOG_LEVEL=silent, alternating so that both see the same machine.
 */
import { spawn } from "node:child_process";
import path from "node:path";

import autocannon from "autocannon";

import { setUpBench } from "./support/app-under-load";

const CONNECTIONS = 50;
const DURATION_S = 10;
const ROUNDS = 2;

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
  const bench = await setUpBench("bench-logging");
  const { appUrl } = bench;
  const baseEnv = { ...bench.env, LOG_DIR: path.join(bench.dataDir, "logs") };

  const results: RequestCost[] = [];
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of ["info", "silent"] as const) {
        const stop = await startApp({ ...baseEnv, LOG_LEVEL: mode });
        const headers = await bench.authorization();
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
    await bench.close();
  }
  return results;
}

export const REQUEST_BENCH = {
  connections: CONNECTIONS,
  durationSeconds: DURATION_S,
  rounds: ROUNDS,
};
