import { expect, test, type FrameLocator } from "@playwright/test";

import { adminPath, control, watchForErrors } from "./admin";

// A shop of its own, so its language, catalog and sync are this flow's alone.
const SHOP = { domain: "e2e-catalog.myshopify.com", handle: "e2e-catalog", products: 40 };
const PAGE_SIZE = 25;

/** The body rows of the products table (the heading row excluded). */
function productRows(app: FrameLocator) {
  return app
    .getByRole("table")
    .getByRole("row")
    .filter({ has: app.getByRole("cell") });
}

test("the merchant reviews the catalog's SEO: scores, an issue filter and paging", async ({
  page,
}, testInfo) => {
  const errors = watchForErrors(page);
  await control("shops", { domain: SHOP.domain, name: "E2E Catalog", products: SHOP.products });

  await page.goto(adminPath(SHOP.handle));
  const app = page.frameLocator("iframe[title='Searchlight SEO']");
  await expect(app.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await page
    .getByRole("navigation", { name: "App navigation" })
    .getByRole("link", {
      name: "Products",
    })
    .click();
  await expect(page).toHaveURL(/\/apps\/searchlight-seo\/products/);
  await expect(app.getByRole("heading", { name: "Products", level: 1 })).toBeVisible();

  // The catalog was read after install; the first page fills once the sync is done.
  await expect(productRows(app)).toHaveCount(PAGE_SIZE);
  await expect(app.getByText(/^Last synced /)).toBeVisible();
  await expect(app.getByText(`${SHOP.products} products`, { exact: true })).toBeVisible();
  await expect(
    productRows(app)
      .first()
      .getByText(/^(Good|Needs work|Poor) · \d+$/),
  ).toBeVisible();
  await expect(app.getByRole("heading", { name: "Store SEO score" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("products.png"), fullPage: true });

  const issue = app.getByRole("button", { name: /^No SEO title: \d+$/ });
  const expected = Number((await issue.textContent())?.match(/\d+$/)?.[0]);
  expect(expected).toBeGreaterThan(0);
  await issue.click();
  await expect(issue).toHaveAttribute("aria-pressed", "true");
  await expect(productRows(app)).toHaveCount(Math.min(expected, PAGE_SIZE));
  for (const row of await productRows(app).all()) {
    await expect(row.getByText("No SEO title")).toBeVisible();
  }

  await issue.click();
  await expect(productRows(app)).toHaveCount(PAGE_SIZE);
  const firstOnPageOne = await productRows(app).first().getByRole("link").textContent();
  await app.getByRole("button", { name: "Next" }).click();
  await expect(productRows(app)).toHaveCount(SHOP.products - PAGE_SIZE);
  await expect(productRows(app).first().getByRole("link")).not.toHaveText(firstOnPageOne ?? "");
  await app.getByRole("button", { name: "Previous" }).click();
  await expect(productRows(app).first().getByRole("link")).toHaveText(firstOnPageOne ?? "");

  await productRows(app).nth(0).getByRole("checkbox").check();
  await productRows(app).nth(1).getByRole("checkbox").check();
  await app.getByRole("button", { name: "Apply template" }).click();
  await expect(page).toHaveURL(/\/apps\/searchlight-seo\/templates\?products=\d+%2C\d+$/);
  await expect(app.getByRole("radio", { name: "The 2 selected products" })).toBeChecked();

  // Selecting the page, then the whole catalog, sends the merchant to apply to every product.
  await page.goBack();
  await expect(productRows(app)).toHaveCount(PAGE_SIZE);
  await app
    .getByRole("table")
    .getByRole("columnheader", { name: "Select all products" })
    .getByRole("checkbox")
    .check();
  await expect(app.getByText(`${PAGE_SIZE} selected`).first()).toBeVisible();
  await app
    .getByRole("button", { name: `Select all ${SHOP.products} products in the catalog` })
    .click();
  await expect(
    app.getByText(`All ${SHOP.products} products in the catalog are selected`),
  ).toBeVisible();
  await app.getByRole("button", { name: "Apply template" }).click();
  await expect(page).toHaveURL(/\/apps\/searchlight-seo\/templates$/);
  await expect(app.getByRole("radio", { name: "Every product in the catalog" })).toBeChecked();

  expect(errors).toEqual([]);
});
