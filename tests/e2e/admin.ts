import { expect, type Page } from "@playwright/test";

/** What the app's flows share: the emulator the global setup started and the page's errors. */

/** Collects console errors and uncaught exceptions from the admin page and the app's frame. */
export function watchForErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** The emulated admin page of the shared shop, as the global setup printed it. */
export function adminUrl(): string {
  const url = process.env.E2E_ADMIN_URL;
  if (!url) throw new Error("E2E_ADMIN_URL is set by the global setup");
  return url;
}

export function emulatorUrl(): string {
  return new URL(adminUrl()).origin;
}

/** The emulated admin framing the app at `path` for the shop with this handle. */
export function adminPath(handle: string, path = ""): string {
  return `${emulatorUrl()}/store/${handle}/apps/searchlight-seo${path ? `/${path}` : ""}`;
}

/** POSTs to the emulator's control API and expects it to succeed. */
export async function control(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/__emulator/${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
}
