import { randomBytes } from "node:crypto";

import { startEmulator, type EmulatorOptions } from "../../emulator/index";
import { createTestDatabase, type TestDatabaseProvider } from "../integration/database/databases";

import { freePort, startAppServer, type AppServer } from "./app-server";

/** The app's handle in the emulated admin's URLs, as in shopify.app.toml. */
export const APP_HANDLE = "searchlight-seo";

export const SHOP_A = { domain: "alpha-outfitters.myshopify.com", name: "Alpha Outfitters" };
const DESKTOP_CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export const SHOP_B = { domain: "bravo-supplies.myshopify.com", name: "Bravo Supplies" };

export interface Stack {
  app: AppServer;
  emulatorUrl: string;
  apiKey: string;
  apiSecret: string;
  databaseUrl: string;
  /** A request to the app as a desktop browser sends it (the app answers bots with 410). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A session token minted by the emulator for the shop, as the admin would hand to the app. */
  sessionToken(shop: string): Promise<string>;
  /**
   * Another app process on the same database and emulator: a second instance, or the first one
   * restarted on its port. The caller stops it.
   */
  startInstance(options?: { port?: number }): Promise<AppServer>;
  stop(): Promise<void>;
}

const TWO_SHOPS = [
  { ...SHOP_A, products: 3 },
  { ...SHOP_B, products: 3 },
];

/**
 * The whole system as one test needs it: a fresh migrated database, the emulator with its shops
 * (two small ones unless told otherwise), and the real app server pointed at both. Keys are
 * generated per run.
 */
export async function startStack(
  provider: TestDatabaseProvider,
  options: { shops?: EmulatorOptions["shops"]; env?: Record<string, string> } = {},
): Promise<Stack> {
  const apiKey = `test-key-${randomBytes(4).toString("hex")}`;
  const apiSecret = randomBytes(24).toString("hex");
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;

  const database = await createTestDatabase(provider);
  const emulator = await startEmulator({
    port: 0,
    app: { apiKey, apiSecret, url: appUrl, handle: APP_HANDLE },
    shops: options.shops ?? TWO_SHOPS,
  });

  const env = {
    DATABASE_URL: database.url,
    SHOPIFY_API_KEY: apiKey,
    SHOPIFY_API_SECRET: apiSecret,
    SHOPIFY_EMULATOR_URL: emulator.url,
    APP_BRIDGE_URL: `${emulator.url}/app-bridge.js`,
    ...options.env,
  };
  const app = await startAppServer({ port, env });

  return {
    app,
    emulatorUrl: emulator.url,
    apiKey,
    apiSecret,
    databaseUrl: database.url,
    request(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set("User-Agent", DESKTOP_CHROME);
      return fetch(`${app.url}${path}`, { ...init, headers });
    },
    async sessionToken(shop) {
      const response = await fetch(`${emulator.url}/__emulator/session-tokens`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ shop }),
      });
      const { token } = (await response.json()) as { token: string };
      return token;
    },
    async startInstance(instance = {}) {
      return startAppServer({ port: instance.port ?? (await freePort()), env });
    },
    async stop() {
      await app.stop();
      await emulator.close();
      await database.drop();
    },
  };
}
