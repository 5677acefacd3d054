import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase } from "~/database.server";

import { startEmulator, type RunningEmulator } from "../../../emulator/index";
import { signSessionToken } from "../../support/session-token";
import { testDatabaseProviders } from "../database/databases";
import { startObservedStack, THROTTLED_SHOP, type ObservedStack } from "./observed-stack";

const FIXTURE = "tests/integration/observability/fixtures/log-secrets.ts";
const SHOP = { domain: "alpha-outfitters.myshopify.com", name: "Alpha Outfitters", products: 2 };

function hex(bytes: number) {
  return randomBytes(bytes).toString("hex");
}

function generateSecrets() {
  const keyBody = randomBytes(600)
    .toString("base64")
    .replace(/(.{64})/g, "$1\n");
  return {
    accessToken: `shpat_${hex(16)}`,
    refreshToken: `rt-${hex(20)}`,
    apiSecret: hex(24),
    sendgridKey: `SG.${randomBytes(16).toString("base64url")}.${randomBytes(32).toString("base64url")}`,
    privateKey: `-----BEGIN PRIVATE KEY-----\n${keyBody}\n-----END PRIVATE KEY-----\n`,
    privateKeyId: hex(20),
    password: `pw-${hex(12)}`,
    cookie: hex(24),
    sessionToken: signSessionToken({ shop: SHOP.domain, apiKey: "fixture", secret: hex(16) }),
    emailBody: `<p>Your reset code is ${hex(10)}</p>`,
    databaseUrl: `postgres://searchlight:${hex(12)}@127.0.0.1:1/searchlight`,
  };
}

/** The parts of each secret that are unique to this run, whatever shape it was logged in. */
function fingerprints(secrets: ReturnType<typeof generateSecrets>): Record<string, string> {
  const keyLine = secrets.privateKey.split("\n")[2] ?? "";
  const databasePassword = new URL(secrets.databaseUrl).password;
  return {
    ...secrets,
    privateKey: keyLine,
    emailBody: secrets.emailBody.replace(/\D/g, "").slice(0, 12),
    databaseUrl: databasePassword,
  };
}

async function readDir(dir: string): Promise<string> {
  const files = await readdir(dir);
  const texts = await Promise.all(files.map((file) => readFile(path.join(dir, file), "utf8")));
  return texts.join("\n");
}

async function sinkText(emulatorUrl: string): Promise<string> {
  return (await fetch(`${emulatorUrl}/__emulator/sentry/envelopes`)).text();
}

function expectNoSecrets(where: string, text: string, secrets: Record<string, string>) {
  for (const [name, value] of Object.entries(secrets)) {
    expect(text.includes(value), `${name} found in ${where}`).toBe(false);
  }
}

describe("secrets logged or thrown by the app's code", () => {
  let emulator: RunningEmulator;
  let logDir: string;
  const secrets = generateSecrets();
  let run: { code: number | null; stdout: string; stderr: string };

  beforeAll(async () => {
    emulator = await startEmulator({
      port: 0,
      app: { apiKey: "fixture", apiSecret: hex(8), url: "http://127.0.0.1:1" },
    });
    logDir = await mkdtemp(path.join(tmpdir(), "searchlight-secrets-"));
    const child = spawn(process.execPath, ["--import", "tsx", FIXTURE], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        LOG_LEVEL: "debug",
        LOG_DIR: logDir,
        SENTRY_DSN: `http://${hex(16)}@${new URL(emulator.url).host}/7`,
        SHOPIFY_API_KEY: "fixture",
        SHOPIFY_API_SECRET: secrets.apiSecret,
        SHOPIFY_APP_URL: "https://searchlight.example.com",
        DATABASE_URL: secrets.databaseUrl,
        SECRETS: JSON.stringify(secrets),
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    run = { code, stdout, stderr };
  });

  afterAll(async () => {
    await emulator?.close();
    await rm(logDir, { recursive: true, force: true });
  });

  it("ran, and its lines and events arrived", async () => {
    expect(run.code, run.stderr).toBe(0);
    for (const marker of ["objects logged", "strings logged", "database at", "child", "failed"]) {
      expect(run.stdout).toContain(`marker: ${marker}`);
    }
    expect(run.stdout).toContain("[redacted]");
    const files = await readDir(logDir);
    expect(files).toContain("marker: objects logged");
    expect(files).toContain("marker: error without an Error");

    const events = JSON.parse(await sinkText(emulator.url)) as {
      envelopes: Array<{ items: Array<{ type: string }> }>;
    };
    const errorEvents = events.envelopes.flatMap((e) => e.items).filter((i) => i.type === "event");
    expect(errorEvents).toHaveLength(4);
  });

  it("keeps every secret out of standard output, the log files and Sentry", async () => {
    const unique = fingerprints(secrets);

    expectNoSecrets("stdout", run.stdout, unique);
    expectNoSecrets("stderr", run.stderr, unique);
    expectNoSecrets("the log files", await readDir(logDir), unique);
    expectNoSecrets("the Sentry events", await sinkText(emulator.url), unique);
  });
});

describe.each(testDatabaseProviders())("secrets in requests to the server on %s", (provider) => {
  let stack: ObservedStack;
  let logDir: string;

  beforeAll(async () => {
    logDir = await mkdtemp(path.join(tmpdir(), "searchlight-secrets-"));
    stack = await startObservedStack(provider, {
      sentry: true,
      shops: [SHOP, THROTTLED_SHOP],
      env: { LOG_DIR: logDir },
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await rm(logDir, { recursive: true, force: true });
  });

  it("logs and reports failing requests without their tokens, cookies or HMACs", async () => {
    const cookie = hex(24);
    const sent: Record<string, string> = { cookie, apiSecret: stack.apiSecret };
    const token = await stack.sessionToken(THROTTLED_SHOP.domain);
    sent.sessionToken = token;
    expect((await stack.trpc("shop.info", SHOP.domain)).status).toBe(200);

    const failed = await stack.request("/api/trpc/shop.info", {
      headers: { Authorization: `Bearer ${token}`, Cookie: `_session=${cookie}` },
    });
    const db = createDatabase(stack.databaseUrl);
    await db.$executeRawUnsafe(`ALTER TABLE "ActivePlan" RENAME TO "ActivePlanMoved"`);
    const requestId = `secrets-${randomUUID()}`;
    const launched = await stack
      .openApp(SHOP.domain, { Cookie: `_session=${cookie}`, "X-Request-Id": requestId })
      .finally(() => db.$executeRawUnsafe(`ALTER TABLE "ActivePlanMoved" RENAME TO "ActivePlan"`));
    const session = await db.session.findFirst({ where: { shop: SHOP.domain, isOnline: false } });
    const throttledSession = await db.session.findFirst({
      where: { shop: THROTTLED_SHOP.domain, isOnline: false },
    });
    await db.$disconnect();

    expect(failed.status).toBe(502);
    expect(launched.status).toBe(500);
    sent.accessToken = session?.accessToken ?? "missing";
    sent.throttledAccessToken = throttledSession?.accessToken ?? "missing";
    expect(sent.accessToken).toMatch(/^shp/);
    expect(sent.throttledAccessToken).toMatch(/^shp/);
    // The launch URL's id_token and hmac, as the admin put them in the query string.
    const launchLine = stack.app.logs.find((line) => line.requestId === requestId);
    expect(launchLine).toBeDefined();

    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const sink = await sinkText(stack.emulatorUrl);
    expect(sink).toContain("AdminThrottledError");
    expect(sink).toContain("PrismaClientKnownRequestError");
    expectNoSecrets("stdout", JSON.stringify(stack.app.logs), sent);
    expectNoSecrets("the log files", await readDir(logDir), sent);
    expectNoSecrets("the Sentry events", sink, sent);
    expect(sink).not.toMatch(/id_token=(?!\[redacted\])/);
    expect(sink).not.toMatch(/hmac=(?!\[redacted\])/);
  });
});
