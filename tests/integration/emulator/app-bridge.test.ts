import { chromium, type Browser, type Frame, type Page } from "@playwright/test";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifySessionToken } from "../../../emulator/shopify/session-token";

import { startTestEmulator, testApp, type TestEmulator } from "./emulator-client";
import { startFakeApp, type FakeApp } from "./fake-embedded-app";

const SHOP = "bridge-test.myshopify.com";
const ADMIN_PATH = "/store/bridge-test/apps/searchlight-seo";

type ShopifyGlobal = {
  config: Record<string, string>;
  environment: Record<string, boolean>;
  idToken(): Promise<string>;
  toast: { show(message: string, options?: { isError?: boolean }): string };
  loading(on: boolean): void;
  saveBar: { show(id: string): Promise<void>; hide(id: string): Promise<void> };
  [name: string]: unknown;
};

declare global {
  interface Window {
    shopify: ShopifyGlobal;
  }
}

const app = testApp();
let emulator: TestEmulator;
let fakeApp: FakeApp;
let browser: Browser;
let page: Page;

function appFrame(): Frame {
  const frame = page.frames().find((candidate) => candidate.url().startsWith(fakeApp.url));
  if (!frame) throw new Error("the app frame is not loaded");
  return frame;
}

function isValidToken(token: string | undefined): boolean {
  const bare = token?.replace(/^Bearer /, "") ?? "";
  const now = Date.now();
  return verifySessionToken(bare, { shop: SHOP, apiKey: app.apiKey, apiSecret: app.apiSecret, now })
    .ok;
}

async function waitForFrameUrl(pattern: RegExp, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = page.frames().find((candidate) => pattern.test(candidate.url()));
    if (frame) return frame.url();
    if (Date.now() > deadline) throw new Error(`no frame loaded a URL matching ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  let emulatorUrl = "";
  fakeApp = await startFakeApp(app.apiKey, () => emulatorUrl);
  emulator = await startTestEmulator({
    app: { ...app, url: fakeApp.url },
    shops: [{ domain: SHOP, name: "Bridge Test Shop", products: 1 }],
  });
  emulatorUrl = emulator.url;

  browser = await chromium.launch({
    ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
    args: ["--no-sandbox", "--disable-background-networking"],
  });
  page = await browser.newPage();
  await page.goto(`${emulator.url}${ADMIN_PATH}`);
  await waitForFrameUrl(/\/app\?/);
  await page.getByRole("link", { name: "Products" }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await emulator?.close();
  await fakeApp?.close();
});

describe("App Bridge stand-in in the emulated admin", () => {
  it("lists the app's ui-nav-menu links in the admin, without the home link", async () => {
    const links = page.getByRole("navigation", { name: "App navigation" }).getByRole("link");

    expect(await links.allTextContents()).toEqual(["Searchlight SEO", "Products", "Settings"]);
  });

  it("configures the shopify global from the launch parameters", async () => {
    const config = await appFrame().evaluate(() => ({
      ...window.shopify.config,
      embedded: window.shopify.environment.embedded,
    }));

    expect(config).toMatchObject({ apiKey: app.apiKey, shop: SHOP, locale: "en", embedded: true });
    expect(Buffer.from(config.host ?? "", "base64").toString()).toBe(
      "admin.shopify.com/store/bridge-test",
    );
  });

  it("hands out valid session tokens and adds them to same-origin fetches", async () => {
    const token = await appFrame().evaluate(() => window.shopify.idToken());
    const echoed = await appFrame().evaluate(async () => (await fetch("/api/whoami")).json());

    expect(isValidToken(token)).toBe(true);
    expect(isValidToken(echoed.authorization)).toBe(true);
  });

  it("retries once with a fresh token when the app asks for it", async () => {
    const before = fakeApp.authorizations.length;

    const result = await appFrame().evaluate(async () => {
      const response = await fetch("/api/flaky");
      return { status: response.status, body: await response.json() };
    });

    expect(result.status).toBe(200);
    const attempts = fakeApp.authorizations.slice(before);
    expect(attempts).toHaveLength(2);
    expect(attempts.every(isValidToken)).toBe(true);
  });

  it("throws a clear error for APIs the emulator does not implement", async () => {
    const message = await appFrame().evaluate(() => {
      try {
        return String(window.shopify.resourcePicker);
      } catch (error) {
        return (error as Error).message;
      }
    });

    expect(message).toBe("shopify.resourcePicker is not implemented by the emulator");
  });

  it("shows toasts and the loading bar in the admin", async () => {
    await appFrame().evaluate(() => window.shopify.toast.show("SEO titles saved"));
    await page.getByRole("status").filter({ hasText: "SEO titles saved" }).waitFor();

    await appFrame().evaluate(() => window.shopify.loading(true));
    await page.getByRole("progressbar", { name: "Loading" }).waitFor();
    await appFrame().evaluate(() => window.shopify.loading(false));
    await page.getByRole("progressbar", { name: "Loading" }).waitFor({ state: "hidden" });
  });

  it("shows the save bar and presses the app's own Save button", async () => {
    await appFrame().evaluate(() => window.shopify.saveBar.show("seo-save-bar"));
    const saveBar = page.getByRole("region", { name: "Save bar" });
    await saveBar.waitFor();

    await saveBar.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => appFrame().locator("#log").textContent()).toBe("save");

    await appFrame().evaluate(() => window.shopify.saveBar.hide("seo-save-bar"));
    await saveBar.waitFor({ state: "hidden" });
  });

  it("navigates the app with shopify:navigate and mirrors its path in the admin URL", async () => {
    await page.getByRole("link", { name: "Products" }).click();

    await expect.poll(() => appFrame().locator("#page").textContent()).toBe("/app/products");
    await expect.poll(() => new URL(page.url()).pathname).toBe(`${ADMIN_PATH}/products`);
    expect(await page.getByRole("link", { name: "Products" }).getAttribute("aria-current")).toBe(
      "page",
    );
  });

  it("bounces through shopify-reload with a fresh id_token", async () => {
    const target = `${fakeApp.url}/app/reloaded?from=bounce`;
    const bounce = `${fakeApp.url}/auth/session-token?shopify-reload=${encodeURIComponent(target)}`;

    await appFrame().evaluate((url) => location.assign(url), bounce);
    const landed = new URL(await waitForFrameUrl(/\/app\/reloaded\?/));

    expect(landed.searchParams.get("from")).toBe("bounce");
    expect(isValidToken(landed.searchParams.get("id_token") ?? undefined)).toBe(true);
  });

  it("sends window.open(admin URL, _top) to the emulated admin", async () => {
    await appFrame().evaluate(() =>
      window.open(
        "https://admin.shopify.com/store/bridge-test/apps/searchlight-seo/settings",
        "_top",
      ),
    );

    await expect.poll(() => new URL(page.url()).pathname).toBe(`${ADMIN_PATH}/settings`);
    await waitForFrameUrl(/\/app\/settings\?/);
  });
});
