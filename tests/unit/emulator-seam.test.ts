import { describe, expect, it } from "vitest";

import { emulatorUrlFor } from "~/services/shopify/emulator-seam.server";

const EMULATOR = "http://127.0.0.1:4010";

describe("emulatorUrlFor", () => {
  it("moves a shop's Admin API request under the emulator, keeping path and query", () => {
    expect(
      emulatorUrlFor("https://demo.myshopify.com/admin/api/2026-10/graphql.json?x=1", EMULATOR),
    ).toBe("http://127.0.0.1:4010/shop/demo.myshopify.com/admin/api/2026-10/graphql.json?x=1");
  });

  it("moves the token exchange too", () => {
    expect(
      emulatorUrlFor("https://demo.myshopify.com/admin/oauth/access_token", `${EMULATOR}/`),
    ).toBe("http://127.0.0.1:4010/shop/demo.myshopify.com/admin/oauth/access_token");
  });

  it("leaves every other host alone", () => {
    for (const url of [
      "https://admin.shopify.com/store/demo",
      "https://myshopify.com.attacker.example/admin",
      "https://cdn.shopify.com/app-bridge.js",
    ]) {
      expect(emulatorUrlFor(url, EMULATOR)).toBe(url);
    }
  });
});
