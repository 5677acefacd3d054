import { existsSync } from "node:fs";
import { randomBytes } from "node:crypto";

import { startEmulator } from "../../emulator/index";
import { createTestDatabase } from "../integration/database/databases";
import { freePort, startAppServer } from "../support/app-server";

export const E2E_SHOP = {
  domain: "e2e-outfitters.myshopify.com",
  handle: "e2e-outfitters",
  name: "E2E Outfitters",
};

/**
 * Starts the emulator and the built app on a fresh SQLite database for the browser flows, and
 * tells the tests where the emulated admin is through the environment.
 */
export default async function globalSetup() {
  if (!existsSync("build/server/index.js")) {
    throw new Error("the end-to-end flows run against the build: run `npm run build` first");
  }
  const apiKey = `e2e-key-${randomBytes(4).toString("hex")}`;
  const apiSecret = randomBytes(24).toString("hex");
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;

  const database = await createTestDatabase("sqlite");
  const emulator = await startEmulator({
    port: 0,
    app: { apiKey, apiSecret, url: appUrl, handle: "searchlight-seo" },
    shops: [{ domain: E2E_SHOP.domain, name: E2E_SHOP.name, products: 12 }],
  });
  const app = await startAppServer({
    port,
    env: {
      DATABASE_URL: database.url,
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: apiSecret,
      SHOPIFY_EMULATOR_URL: emulator.url,
      APP_BRIDGE_URL: `${emulator.url}/app-bridge.js`,
      LOG_LEVEL: "warn",
    },
  });

  process.env.E2E_ADMIN_URL = `${emulator.url}/store/${E2E_SHOP.handle}/apps/searchlight-seo`;

  return async () => {
    await app.stop();
    await emulator.close();
    await database.drop();
  };
}
