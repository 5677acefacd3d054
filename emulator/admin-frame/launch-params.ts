/**
 * The URL Shopify's admin loads the app at: `embedded=1`, `shop`, `host` (base64 of the admin
 * URL, which shopify-api's sanitizeHost accepts), a fresh `id_token`, `locale`, `timestamp`,
 * and an `hmac` over the rest computed the way shopify-api's validateHmac recomputes it.
 */
import { createHmac } from "node:crypto";
import type { AppConfig } from "../state";

/** Query parameters the admin adds; a request to the frame cannot override them. */
export const LAUNCH_PARAMS = [
  "embedded",
  "hmac",
  "host",
  "id_token",
  "locale",
  "session",
  "shop",
  "timestamp",
] as const;

export function hostParam(shopHandle: string): string {
  return Buffer.from(`admin.shopify.com/store/${shopHandle}`).toString("base64");
}

function adminHmac(params: URLSearchParams, secret: string): string {
  const sorted = new URLSearchParams([...params.entries()].sort(([a], [b]) => a.localeCompare(b)));
  const message = sorted.toString().replace(/\+/g, "%20");
  return createHmac("sha256", secret).update(message).digest("hex");
}

export type LaunchInput = {
  app: AppConfig;
  shopDomain: string;
  shopHandle: string;
  /** Path below the app's /app route, e.g. "" or "products/12". */
  rest: string;
  query: URLSearchParams;
  idToken: string;
  locale: string;
  now: number;
};

export function appLaunchUrl(input: LaunchInput): URL {
  const appRoot = new URL(input.app.url);
  const target = new URL(`/app${input.rest ? `/${input.rest}` : ""}`, appRoot);
  if (target.origin !== appRoot.origin || !/^\/app(\/|$)/.test(target.pathname)) {
    throw new Error("launch path leaves the app's /app route");
  }

  const params = new URLSearchParams(
    [...input.query.entries()].filter(
      ([key]) => !(LAUNCH_PARAMS as readonly string[]).includes(key),
    ),
  );
  params.set("embedded", "1");
  params.set("host", hostParam(input.shopHandle));
  params.set("id_token", input.idToken);
  params.set("locale", input.locale);
  params.set("shop", input.shopDomain);
  params.set("timestamp", String(Math.floor(input.now / 1000)));
  params.set("hmac", adminHmac(params, input.app.apiSecret));

  target.search = params.toString();
  return target;
}
