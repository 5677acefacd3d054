import { randomBytes } from "node:crypto";

import { startEmulator, type EmulatorOptions } from "../../../emulator/index";

export const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
export const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
export const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
export const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

export type TestApp = EmulatorOptions["app"];

/** Credentials made up for one test run. */
export function testApp(): TestApp {
  return {
    apiKey: `test-key-${randomBytes(4).toString("hex")}`,
    apiSecret: randomBytes(24).toString("hex"),
    url: "http://127.0.0.1:9",
  };
}

export type TestEmulator = Awaited<ReturnType<typeof startTestEmulator>>;

/** An emulator plus the calls an app would make to it. */
export async function startTestEmulator(options: Partial<EmulatorOptions> = {}) {
  const app = options.app ?? testApp();
  const emulator = await startEmulator({ port: 0, ...options, app });
  const { url } = emulator;

  async function json(path: string, init: RequestInit = {}) {
    const response = await fetch(`${url}${path}`, {
      ...init,
      headers: { "Content-Type": "application/json", ...init.headers },
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
  }

  async function sessionToken(shop: string): Promise<string> {
    const { body } = await json("/__emulator/session-tokens", {
      method: "POST",
      body: JSON.stringify({ shop }),
    });
    return (body as { token: string }).token;
  }

  function tokenRequest(shop: string, params: Record<string, string>) {
    return json(`/shop/${shop}/admin/oauth/access_token`, {
      method: "POST",
      body: JSON.stringify({ client_id: app.apiKey, client_secret: app.apiSecret, ...params }),
    });
  }

  async function offlineToken(shop: string): Promise<string> {
    const { body } = await tokenRequest(shop, {
      grant_type: TOKEN_EXCHANGE,
      subject_token: await sessionToken(shop),
      subject_token_type: ID_TOKEN,
      requested_token_type: OFFLINE,
    });
    return (body as { access_token: string }).access_token;
  }

  function graphql(shop: string, token: string, query: string, variables?: object) {
    return json(`/shop/${shop}/admin/api/2026-10/graphql.json`, {
      method: "POST",
      headers: { "X-Shopify-Access-Token": token },
      body: JSON.stringify({ query, variables }),
    });
  }

  async function journal(filter: Record<string, string> = {}) {
    const { body } = await json(`/__emulator/journal?${new URLSearchParams(filter)}`);
    return (body as { entries: Array<Record<string, unknown>> }).entries;
  }

  return {
    url,
    app,
    close: () => emulator.close(),
    json,
    sessionToken,
    tokenRequest,
    offlineToken,
    graphql,
    journal,
  };
}
