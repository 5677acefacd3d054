import { createHmac, randomUUID } from "node:crypto";

/** Delivers a webhook the way Shopify does: JSON body, HMAC of the raw body, Shopify's headers. */
export function deliverWebhook(options: {
  appUrl: string;
  path: string;
  topic: string;
  shop: string;
  secret: string;
  payload: unknown;
  signature?: string;
  /** Fixed to send the same delivery twice, as Shopify does when it retries. */
  webhookId?: string;
}) {
  const body = JSON.stringify(options.payload);
  const signature =
    options.signature ?? createHmac("sha256", options.secret).update(body).digest("base64");

  return fetch(`${options.appUrl}${options.path}`, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Shopify-Captain-Hook",
      "X-Shopify-Hmac-Sha256": signature,
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
    },
  });
}
