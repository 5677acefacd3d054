import { expect, test } from "@playwright/test";

import { APP_HANDLE } from "../support/stack";
import {
  startObservedStack,
  type ObservedStack,
} from "../integration/observability/observed-stack";
import {
  errorEvents,
  transactions,
  waitFor,
  type SentryEvent,
} from "../integration/observability/sentry-events";

import { watchForErrors } from "./admin";

const SHOP = {
  domain: "sentry-outfitters.myshopify.com",
  handle: "sentry-outfitters",
  name: "Sentry Outfitters",
};

const fromBrowser = (events: SentryEvent[]) =>
  events.filter((event) => event.platform === "javascript");

// A stack of its own: the app's DSN must point at this emulator, which the shared one's does not.
let stack: ObservedStack;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  stack = await startObservedStack("sqlite", {
    sentry: true,
    shops: [{ domain: SHOP.domain, name: SHOP.name, products: 4 }],
    env: { LOG_LEVEL: "warn" },
  });
});

test.afterAll(async () => {
  await stack?.stop();
});

function adminUrl() {
  return `${stack.emulatorUrl}/store/${SHOP.handle}/apps/${APP_HANDLE}`;
}

test("with Sentry on, the dashboard loads without console errors and reports its page load", async ({
  page,
}) => {
  const errors = watchForErrors(page);

  await page.goto(adminUrl());
  const app = page.frameLocator("iframe[title='Searchlight SEO']");
  await expect(app.getByRole("heading", { name: SHOP.name })).toBeVisible();

  const [pageload] = await waitFor(
    () => transactions(stack),
    (items) => fromBrowser(items).filter((item) => item.contexts?.trace?.op === "pageload"),
  );
  expect(pageload?.transaction).toBeTruthy();
  // Only the public part of the configuration reaches the page.
  const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
  const config = await frame?.evaluate(
    () => (window as { __sentryConfig?: object }).__sentryConfig,
  );
  expect(Object.keys(config ?? {}).sort()).toEqual([
    "dsn",
    "environment",
    "release",
    "tracesSampleRate",
  ]);
  expect(errors).toEqual([]);
});

test("an error the page cannot handle reaches Sentry with the shop, tags and stack", async ({
  page,
}) => {
  // The shop's name and email, which the app layout hands the page for its Sentry user.
  expect((await stack.trpc("shop.info", SHOP.domain)).status).toBe(200);
  // The page receives an answer it was not built for, as after a deploy that changed the API
  // under an open tab: rendering the shop card fails in the browser.
  await page.route("**/api/trpc/**", (route) =>
    route.fulfill({ json: [{ result: { data: { name: SHOP.name } } }] }),
  );

  await page.goto(adminUrl());
  const app = page.frameLocator("iframe[title='Searchlight SEO']");
  await expect(app.getByRole("heading", { name: "Something went wrong" })).toBeVisible();

  const [event] = await waitFor(() => errorEvents(stack), fromBrowser);
  expect(event?.exception?.values?.at(-1)).toMatchObject({
    type: "TypeError",
    stacktrace: {
      frames: expect.arrayContaining([
        expect.objectContaining({ filename: expect.stringContaining("/assets/") }),
      ]),
    },
  });
  expect(event?.user).toMatchObject({
    id: SHOP.domain,
    username: SHOP.name,
    email: expect.stringContaining("@"),
    plan: "Free",
  });
  expect(event?.tags).toMatchObject({
    component: "browser",
    shop: SHOP.domain,
    route: "routes/app._index",
  });
  expect(event?.request?.url ?? "").not.toContain("id_token");
});
