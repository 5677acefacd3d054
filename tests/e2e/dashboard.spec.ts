import { expect, test } from "@playwright/test";

import { adminUrl, watchForErrors } from "./admin";
import { E2E_SHOP } from "./global-setup";

test("the merchant sees the dashboard inside the admin and can switch the app's language", async ({
  page,
}, testInfo) => {
  const errors = watchForErrors(page);

  await page.goto(adminUrl());
  const app = page.frameLocator("iframe[title='Searchlight SEO']");

  await expect(app.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(app.getByRole("heading", { name: E2E_SHOP.name })).toBeVisible();
  await expect(app.getByText(E2E_SHOP.domain).first()).toBeVisible();
  await expect(app.getByRole("heading", { name: "Your Searchlight plan" })).toBeVisible();
  await expect(app.getByText("Active", { exact: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("dashboard.png"), fullPage: true });
  await page.screenshot({ path: "tests/artifacts/dashboard.png", fullPage: true });

  const adminNav = page.getByRole("navigation", { name: "App navigation" });
  await adminNav.getByRole("link", { name: "Settings" }).click();
  await expect(app.getByRole("heading", { name: "Settings" })).toBeVisible();
  await expect(page).toHaveURL(/\/apps\/searchlight-seo\/settings/);

  await app.getByLabel("App language").selectOption("fr");
  await app.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").getByText("Settings saved")).toBeVisible();
  await expect(app.getByRole("heading", { name: "Paramètres" })).toBeVisible();
  await expect(adminNav.getByRole("link", { name: "Paramètres" })).toBeVisible();

  await adminNav.getByRole("link", { name: "Searchlight SEO" }).click();
  await expect(app.getByRole("heading", { name: "Tableau de bord" })).toBeVisible();
  await expect(app.getByRole("heading", { name: "Votre forfait Searchlight" })).toBeVisible();
  await expect(app.getByText("Actif", { exact: true })).toBeVisible();

  expect(errors).toEqual([]);
});
