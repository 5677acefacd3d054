/**
 * Start-up time and the cost of an authenticated request, measured side by side in one run:
 * the built app against the emulator, 50 connections for 10 s on /healthz (no auth, no upstream)
 * and on tRPC shop.info (session token check, session load, Admin API call, database write).
 *
 *   npm run bench
 */
import { spawn } from "node:child_process";

import autocannon from "autocannon";

import { setUpBench } from "./support/app-under-load";

const CONNECTIONS = 50;
const DURATION_S = 10;
const STARTUP_RUNS = 3;

function print(line = "") {
  process.stdout.write(`${line}\n`);
}

function startApp(env: Record<string, string>) {
  const startedAt = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const healthy = (async () => {
    while (child.exitCode === null) {
      const ok = await fetch(`${env.SHOPIFY_APP_URL}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) return performance.now() - startedAt;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`app exited with ${child.exitCode}`);
  })();
  const stop = () =>
    new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { healthy, stop };
}

function load(url: string, headers: Record<string, string> = {}) {
  return autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
}

function summary(label: string, result: autocannon.Result) {
  const errors = result.errors + result.non2xx;
  return `${label.padEnd(16)} p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   ${Math.round(result.requests.average)} req/s   failed ${errors}`;
}

async function main() {
  const bench = await setUpBench("bench");
  const { appUrl, env } = bench;

  const startups: number[] = [];
  for (let run = 0; run < STARTUP_RUNS; run += 1) {
    const app = startApp(env);
    startups.push(await app.healthy);
    await app.stop();
  }
  startups.sort((a, b) => a - b);

  const app = startApp(env);
  await app.healthy;
  const authorization = await bench.authorization();
  // One call first so the token exchange and the Shop row are not part of the measurement.
  await fetch(`${appUrl}/api/trpc/shop.info`, { headers: authorization });

  const health = await load(`${appUrl}/healthz`);
  const shopInfo = await load(`${appUrl}/api/trpc/shop.info`, authorization);
  await app.stop();
  await bench.close();

  print(`start-up to first healthy /healthz: median ${Math.round(startups[1] ?? 0)} ms`);
  print(`  runs: ${startups.map((ms) => Math.round(ms)).join(", ")} ms`);
  print();
  print(
    `${CONNECTIONS} connections, ${DURATION_S} s each (emulator bucket widened, see bench/support):`,
  );
  print(summary("/healthz", health));
  print(summary("shop.info (tRPC)", shopInfo));
  print();
  const ratio = shopInfo.requests.average / health.requests.average;
  print(`shop.info / healthz throughput: ${ratio.toFixed(3)}`);
  print(
    `shop.info / healthz p50 latency: ${(shopInfo.latency.p50 / health.latency.p50).toFixed(1)}x`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
