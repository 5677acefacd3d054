import { expect, test, type Page } from "@playwright/test";

import { adminPath, control, emulatorUrl, watchForErrors } from "./admin";

// Shops of their own: other flows change the shared shop (its language, for one).
const EDITOR_SHOP = {
  domain: "e2e-editor-goods.myshopify.com",
  handle: "e2e-editor-goods",
  products: 5,
};
const BULK_SHOP = {
  domain: "e2e-bulk-supplies.myshopify.com",
  handle: "e2e-bulk-supplies",
  products: 50,
};
const DESKTOP_CHROME =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

interface EmulatedProduct {
  title: string;
  seo: { title: string | null; description: string | null };
  metafields: Array<{ namespace: string; key: string; value: string }>;
}

async function product(shop: string, id: number): Promise<EmulatedProduct> {
  const response = await fetch(`${emulatorUrl()}/__emulator/shops/${shop}/products/${id}`);
  return ((await response.json()) as { product: EmulatedProduct }).product;
}

/** Calls the app's API as another open admin tab would, with the shop's session token. */
async function callApp(page: Page, path: string, input: unknown) {
  const frameSrc = await page.locator("iframe[title='Searchlight SEO']").getAttribute("src");
  const appOrigin = new URL(frameSrc ?? "").origin;
  const tokenResponse = await fetch(`${emulatorUrl()}/__emulator/session-tokens`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ shop: EDITOR_SHOP.domain }),
  });
  const { token } = (await tokenResponse.json()) as { token: string };
  const response = await fetch(`${appOrigin}/api/trpc/${path}`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      "User-Agent": DESKTOP_CHROME,
    },
    body: JSON.stringify(input),
  });
  expect(response.status).toBe(200);
}

test("the merchant edits a product's SEO and metafields, saves through the save bar, and settles a conflict", async ({
  page,
}) => {
  const errors = watchForErrors(page);
  await control("shops", {
    domain: EDITOR_SHOP.domain,
    name: "E2E Editor Goods",
    products: EDITOR_SHOP.products,
  });
  const before = await product(EDITOR_SHOP.domain, 3);

  await page.goto(adminPath(EDITOR_SHOP.handle, "products/3"));
  const app = page.frameLocator("iframe[title='Searchlight SEO']");
  await expect(app.getByRole("heading", { name: before.title })).toBeVisible();
  await callApp(page, "metafields.set", {
    productId: "gid://shopify/Product/3",
    metafields: [
      { namespace: "custom", key: "material", type: "single_line_text_field", value: "Linen" },
      { namespace: "custom", key: "pieces", type: "number_integer", value: "2" },
    ],
    loaded: null,
  });
  await page.reload();
  await expect(app.getByRole("heading", { name: before.title })).toBeVisible();

  const saveBar = page.getByRole("region", { name: "Save bar" });
  await expect(saveBar).toBeHidden();
  await app
    .getByRole("textbox", { name: "Page title" })
    .fill("Linen shirts that breathe | E2E Editor Goods");
  await app
    .getByRole("textbox", { name: "Meta description" })
    .fill("Breathable linen, cut for summer.");
  await expect(app.getByText("44 of 60 characters recommended")).toBeVisible();
  const preview = app.getByRole("region", { name: "Google preview" });
  await expect(preview.getByText("Linen shirts that breathe | E2E Editor Goods")).toBeVisible();

  const pieces = app.getByRole("textbox", { name: "custom.pieces" });
  await expect(pieces).toHaveValue("2");
  await pieces.fill("three");
  await expect(app.getByText("Enter a whole number")).toBeVisible();
  await pieces.fill("3");
  await expect(app.getByText("Enter a whole number")).toBeHidden();

  await expect(saveBar).toBeVisible();
  await saveBar.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").getByText("Product SEO saved")).toBeVisible();
  await expect(saveBar).toBeHidden();

  const after = await product(EDITOR_SHOP.domain, 3);
  expect(after.seo).toEqual({
    title: "Linen shirts that breathe | E2E Editor Goods",
    description: "Breathable linen, cut for summer.",
  });
  expect(after.metafields).toEqual(
    expect.arrayContaining([expect.objectContaining({ key: "pieces", value: "3" })]),
  );

  await app.getByRole("textbox", { name: "Page title" }).fill("Discarded");
  await saveBar.getByRole("button", { name: "Discard" }).click();
  await expect(app.getByRole("textbox", { name: "Page title" })).toHaveValue(
    "Linen shirts that breathe | E2E Editor Goods",
  );

  // Someone else changes the title in Shopify while this editor is open.
  await callApp(page, "seo.updateProductSeo", {
    productId: "gid://shopify/Product/3",
    seo: { title: "Changed elsewhere", description: "Breathable linen, cut for summer." },
    loaded: null,
  });
  await app.getByRole("textbox", { name: "Page title" }).fill("Mine wins");
  await saveBar.getByRole("button", { name: "Save" }).click();
  const conflict = app.getByText("This product was changed in Shopify after you opened it");
  await expect(conflict).toBeVisible();
  await expect(app.getByText("Changed in Shopify since: Page title")).toBeVisible();
  expect((await product(EDITOR_SHOP.domain, 3)).seo.title).toBe("Changed elsewhere");

  await app.getByRole("button", { name: "Overwrite with my changes" }).click();
  await expect(conflict).toBeHidden();
  await expect(saveBar).toBeHidden();
  expect((await product(EDITOR_SHOP.domain, 3)).seo.title).toBe("Mine wins");
  expect(errors).toEqual([]);
});

test("the merchant bulk-applies a template to 50 products, watches it run, then undoes it", async ({
  page,
}) => {
  const errors = watchForErrors(page);
  await control("shops", {
    domain: BULK_SHOP.domain,
    name: "E2E Bulk Supplies",
    products: BULK_SHOP.products,
  });
  // Slow updates a little, so the run's progress can be seen moving.
  await control("faults", {
    kind: "latency",
    shop: BULK_SHOP.domain,
    operationName: "ProductSeoUpdate",
    latencyMs: 400,
  });
  const first = await product(BULK_SHOP.domain, 1);
  const ids = Array.from({ length: BULK_SHOP.products }, (_, index) => index + 1).join(",");

  await page.goto(adminPath(BULK_SHOP.handle, `templates?products=${ids}`));
  const app = page.frameLocator("iframe[title='Searchlight SEO']");
  await expect(app.getByRole("heading", { name: "SEO templates" })).toBeVisible();
  await expect(app.getByText("50 products selected")).toBeVisible();

  await app.getByRole("textbox", { name: "Title template" }).fill("{product_title} | {colour}");
  await expect(app.getByText("Unknown placeholder {colour} at character 19")).toBeVisible();
  await expect(app.getByRole("button", { name: "Apply template" })).toBeDisabled();
  await app.getByRole("textbox", { name: "Title template" }).fill("{product_title} | Bulk");

  await app.getByRole("button", { name: "Preview" }).click();
  await expect(
    app.getByRole("region", { name: first.title }).getByText(`After: ${first.title} | Bulk`),
  ).toBeVisible();

  await app.getByRole("button", { name: "Apply template" }).click();
  await expect(app.getByRole("heading", { name: "Bulk SEO run" })).toBeVisible();
  const progress = app.getByRole("progressbar", { name: "Progress" });
  await expect(progress).toBeVisible();

  const seen = new Set<number>();
  await expect
    .poll(
      async () => {
        const text = await app.getByText(/of 50 products processed/).textContent();
        const processed = Number(/(\d+) of 50/.exec(text ?? "")?.[1]);
        seen.add(processed);
        return processed;
      },
      { timeout: 45_000, intervals: [250] },
    )
    .toBe(50);
  expect([...seen].some((processed) => processed > 0 && processed < 50)).toBe(true);
  await expect(progress).toHaveAttribute("value", "100");
  await expect(app.getByText("50 updated · 0 skipped · 0 failed")).toBeVisible();
  expect((await product(BULK_SHOP.domain, 1)).seo.title).toBe(`${first.title} | Bulk`);

  await app.getByRole("button", { name: "Undo changes" }).click();
  await expect(app.getByText("Undone", { exact: true })).toBeVisible({ timeout: 45_000 });
  await expect(app.getByText("50 of 50 products restored or checked")).toBeVisible();
  expect((await product(BULK_SHOP.domain, 1)).seo).toEqual(first.seo);
  expect(errors).toEqual([]);
});
