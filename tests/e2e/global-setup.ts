import { existsSync } from "node:fs";

import { APP_HANDLE, startStack } from "../support/stack";

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

  const stack = await startStack("sqlite", {
    shops: [{ domain: E2E_SHOP.domain, name: E2E_SHOP.name, products: 12 }],
    env: { LOG_LEVEL: "warn" },
  });
  process.env.E2E_ADMIN_URL = `${stack.emulatorUrl}/store/${E2E_SHOP.handle}/apps/${APP_HANDLE}`;

  return () => stack.stop();
}
