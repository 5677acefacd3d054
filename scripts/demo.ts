/**
 * One command to see the app offline: builds when the sources changed, migrates a local SQLite
 * file, starts the emulator with a demo shop and the app, and prints the admin page to open.
 * Ctrl-C stops both.
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

import { startEmulator } from "../emulator/index";

const APP_PORT = Number(process.env.PORT ?? 3000);
const EMULATOR_PORT = Number(process.env.EMULATOR_PORT ?? 4010);
const DATABASE_URL = "file:./data/demo.sqlite";
const API_KEY = "searchlight-demo-key";
const SHOP = { domain: "demo-outfitters.myshopify.com", name: "Demo Outfitters", products: 36 };

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(`demo: ${command} ${args.join(" ")} failed\n`);
    process.exit(result.status ?? 1);
  }
}

function newestChange(directory: string): number {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => {
      return Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }, 0);
}

function buildIsStale() {
  const built = "build/server/index.js";
  return !existsSync(built) || newestChange("app") > statSync(built).mtimeMs;
}

async function waitForHealth(url: string, child: ReturnType<typeof spawn>) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the app did not become healthy within 30 s");
}

async function main() {
  if (!existsSync("app/generated/prisma")) run("npm", ["run", "db:generate"]);
  if (buildIsStale()) {
    say("Building the app…");
    run("npm", ["run", "build"]);
  }
  run("npm", ["run", "db:migrate:deploy"], { DATABASE_URL });

  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  // A new secret each run: session tokens and access tokens from an earlier run stop working,
  // and the app exchanges a fresh one, as it would after Shopify rotated the app's secret.
  const apiSecret = randomBytes(24).toString("hex");
  const emulator = await startEmulator({
    port: EMULATOR_PORT,
    app: { apiKey: API_KEY, apiSecret, url: appUrl },
    shops: [SHOP],
  });

  const app = spawn(process.execPath, ["--import", "tsx", "server.ts", "--serve-build"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: String(APP_PORT),
      LISTEN_HOST: "127.0.0.1",
      DATABASE_URL,
      SHOPIFY_API_KEY: API_KEY,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_APP_URL: appUrl,
      SHOPIFY_EMULATOR_URL: emulator.url,
      APP_BRIDGE_URL: `${emulator.url}/app-bridge.js`,
      // The emulator's Sentry sink: what would reach Sentry can be read back from it.
      SENTRY_DSN: `${emulator.url.replace("//", "//demo-public-key@")}/1`,
      SENTRY_TRACES_SAMPLE_RATE: "1",
    },
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    say("\nStopping the app and the emulator…");
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
    await emulator.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  app.once("exit", (code) => {
    if (stopping) return;
    process.stderr.write(`demo: the app exited with ${code}\n`);
    void emulator.close().then(() => process.exit(1));
  });

  await waitForHealth(appUrl, app);
  const handle = SHOP.domain.replace(".myshopify.com", "");
  say("");
  say(`Searchlight SEO is running inside the emulated Shopify admin:`);
  say(`  ${emulator.url}/store/${handle}/apps/searchlight-seo`);
  say(`What would reach Sentry: ${emulator.url}/__emulator/sentry/events`);
  say("Press Ctrl-C to stop.");
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
