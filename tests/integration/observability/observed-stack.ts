import { randomBytes } from "node:crypto";

import {
  DEFAULT_APP_NAME,
  DEFAULT_SCOPES,
  startEmulator,
  type EmulatorOptions,
} from "../../../emulator/index";
import { appLaunchUrl } from "../../../emulator/admin-frame/launch-params";
import type { AppConfig } from "../../../emulator/state";
import { freePort, startAppServer, type AppServer } from "../../support/app-server";
import { APP_HANDLE } from "../../support/stack";
import { createTestDatabase, type TestDatabaseProvider } from "../database/databases";

const DESKTOP_CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
export const SENTRY_PROJECT = "4242";

/**
 * A shop whose cost bucket cannot hold even a ShopInfo query: Shopify answers THROTTLED and the
 * client gives up at once, so a procedure of this shop fails without waiting out retries.
 */
export const THROTTLED_SHOP = {
  domain: "throttled-goods.myshopify.com",
  name: "Throttled Goods",
  products: 1,
  bucket: { size: 1, restoreRate: 1 },
};

export type SentryItem = { type: string; header: Record<string, unknown>; payload: unknown };

export interface ObservedStack {
  app: AppServer;
  /** What the emulator knows of the app, for building launch URLs as the admin does. */
  appConfig: AppConfig;
  emulatorUrl: string;
  apiSecret: string;
  databaseUrl: string;
  /** The DSN the app was given, pointing at the emulator's Sentry endpoint. */
  dsn: string;
  request(path: string, init?: RequestInit): Promise<Response>;
  sessionToken(shop: string): Promise<string>;
  /** A tRPC call as the embedded page makes it, with a fresh session token. */
  trpc(path: string, shop: string, headers?: Record<string, string>): Promise<Response>;
  /** The same for a mutation, its input posted as JSON. */
  mutate(
    path: string,
    shop: string,
    input: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** The app's document as the admin frames it: launch parameters, id_token and hmac. */
  openApp(shop: string, headers?: Record<string, string>): Promise<Response>;
  /** Adds an emulator fault rule (see the emulator's README). */
  addFault(rule: Record<string, unknown>): Promise<void>;
  /** Envelope items the emulator's Sentry endpoint received, of one type. */
  sentryItems(type: string): Promise<SentryItem[]>;
  stop(): Promise<void>;
}

/**
 * The app, its database and the emulator, with the app's Sentry DSN pointing at the emulator
 * (or no DSN at all). The DSN needs the emulator's port, so the emulator starts first.
 */
export async function startObservedStack(
  provider: TestDatabaseProvider,
  options: { sentry: boolean; shops?: EmulatorOptions["shops"]; env?: Record<string, string> },
): Promise<ObservedStack> {
  const apiKey = `test-key-${randomBytes(4).toString("hex")}`;
  const apiSecret = randomBytes(24).toString("hex");
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;

  const database = await createTestDatabase(provider);
  const emulator = await startEmulator({
    port: 0,
    app: { apiKey, apiSecret, url: appUrl, handle: APP_HANDLE },
    shops: options.shops ?? [],
  });
  const publicKey = randomBytes(16).toString("hex");
  const dsn = `http://${publicKey}@${new URL(emulator.url).host}/${SENTRY_PROJECT}`;

  const app = await startAppServer({
    port,
    env: {
      DATABASE_URL: database.url,
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_EMULATOR_URL: emulator.url,
      APP_BRIDGE_URL: `${emulator.url}/app-bridge.js`,
      ...(options.sentry && { SENTRY_DSN: dsn, SENTRY_TRACES_SAMPLE_RATE: "1" }),
      ...options.env,
    },
  });

  const appConfig: AppConfig = {
    apiKey,
    apiSecret,
    url: appUrl,
    handle: APP_HANDLE,
    name: DEFAULT_APP_NAME,
    scopes: DEFAULT_SCOPES,
  };
  const request = (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("User-Agent", DESKTOP_CHROME);
    return fetch(`${app.url}${path}`, { ...init, headers });
  };
  const sessionToken = async (shop: string) => {
    const response = await fetch(`${emulator.url}/__emulator/session-tokens`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ shop }),
    });
    const { token } = (await response.json()) as { token: string };
    return token;
  };

  return {
    app,
    appConfig,
    emulatorUrl: emulator.url,
    apiSecret,
    databaseUrl: database.url,
    dsn,
    request,
    sessionToken,
    async trpc(path, shop, headers = {}) {
      const token = await sessionToken(shop);
      return request(`/api/trpc/${path}`, {
        headers: { ...headers, Authorization: `Bearer ${token}` },
      });
    },
    async mutate(path, shop, input, headers = {}) {
      const token = await sessionToken(shop);
      return request(`/api/trpc/${path}`, {
        method: "POST",
        headers: {
          ...headers,
          Authorization: `Bearer ${token}`,
          "Content-Type": "application/json",
        },
        body: JSON.stringify(input ?? null),
      });
    },
    async openApp(shop, headers = {}) {
      const url = appLaunchUrl({
        app: appConfig,
        shopDomain: shop,
        shopHandle: shop.replace(".myshopify.com", ""),
        rest: "",
        query: new URLSearchParams(),
        idToken: await sessionToken(shop),
        locale: "en",
        now: Date.now(),
      });
      return request(`${url.pathname}${url.search}`, { headers });
    },
    async addFault(rule) {
      const response = await fetch(`${emulator.url}/__emulator/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(rule),
      });
      if (response.status !== 201) throw new Error(`fault refused: ${await response.text()}`);
    },
    async sentryItems(type) {
      const response = await fetch(`${emulator.url}/__emulator/sentry/items?type=${type}`);
      const { items } = (await response.json()) as { items: SentryItem[] };
      return items;
    },
    async stop() {
      await app.stop();
      await emulator.close();
      await database.drop();
    },
  };
}
