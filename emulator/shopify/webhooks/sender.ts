/**
 * Delivers webhooks to the app like Shopify: a POST of the JSON body to the subscription's
 * address, signed with the app's secret (X-Shopify-Hmac-Sha256 over the raw body), with
 * Shopify's headers; on a non-2xx answer or no answer it tries again later, a few times.
 * Deliveries run in the background and every attempt is journaled (kind "webhook").
 */
import { createHmac, randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Journal } from "../../journal";
import { ADMIN_API_VERSION } from "../graphql/schema";

export type WebhookTopic = "products/create" | "products/update" | "products/delete";

export type WebhookRetryPolicy = {
  /** Deliveries tried per webhook, the first included (Shopify tries for hours; 4 here). */
  attempts: number;
  /** Wait before the second try; it doubles for each further try. */
  firstRetryMs: number;
  /** An attempt without an answer after this long counts as failed. */
  timeoutMs: number;
};

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  attempts: 4,
  firstRetryMs: 1_000,
  timeoutMs: 5_000,
};

export type WebhookTarget = { appUrl: string; apiSecret: string };

type Delivery = {
  id: string;
  eventId: string;
  topic: WebhookTopic;
  shop: string;
  body: string;
  triggeredAt: string;
};

export type WebhookStats = { sent: number; delivered: number; failed: number; pending: number };

export class WebhookSender {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly counts = new Map<string, Omit<WebhookStats, "pending">>();
  private pendingByShop = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly target: () => WebhookTarget,
    private readonly journal: Journal,
    private readonly clock: () => number,
    private readonly logger: Logger,
    private readonly policy: WebhookRetryPolicy = DEFAULT_WEBHOOK_RETRY,
  ) {}

  send(shop: string, topic: WebhookTopic, payload: unknown): void {
    if (this.stopped) return;
    const delivery: Delivery = {
      id: randomUUID(),
      eventId: randomUUID(),
      topic,
      shop,
      body: JSON.stringify(payload),
      triggeredAt: new Date(this.clock()).toISOString(),
    };
    this.count(shop, "sent");
    this.pendingByShop.set(shop, (this.pendingByShop.get(shop) ?? 0) + 1);
    this.schedule(delivery, 1, 0);
  }

  stats(shop: string): WebhookStats {
    const counts = this.counts.get(shop) ?? { sent: 0, delivered: 0, failed: 0 };
    return { ...counts, pending: this.pendingByShop.get(shop) ?? 0 };
  }

  /** Resolves once every delivery has succeeded or used up its attempts. */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.inFlight.size > 0) {
      await Promise.all([...this.inFlight]);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private count(shop: string, what: "sent" | "delivered" | "failed"): void {
    const counts = this.counts.get(shop) ?? { sent: 0, delivered: 0, failed: 0 };
    counts[what] += 1;
    this.counts.set(shop, counts);
  }

  private settle(delivery: Delivery, outcome: "delivered" | "failed"): void {
    this.count(delivery.shop, outcome);
    this.pendingByShop.set(delivery.shop, (this.pendingByShop.get(delivery.shop) ?? 1) - 1);
  }

  private schedule(delivery: Delivery, attempt: number, delayMs: number): void {
    // A delivery answered after stop() would otherwise leave a retry timer behind.
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const running = this.attempt(delivery, attempt).finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
    }, delayMs);
    this.timers.add(timer);
  }

  private async attempt(delivery: Delivery, attempt: number): Promise<void> {
    if (this.stopped) return;
    const { appUrl, apiSecret } = this.target();
    const path = `/webhooks/${delivery.topic}`;
    const started = this.clock();
    const status = await this.post(`${appUrl}${path}`, delivery, apiSecret);

    this.journal.record({
      time: new Date(started).toISOString(),
      method: "POST",
      path,
      shop: delivery.shop,
      kind: "webhook",
      operationName: delivery.topic,
      status,
      cost: null,
      durationMs: this.clock() - started,
      webhookId: delivery.id,
      attempt,
    });
    if (status >= 200 && status < 300) {
      this.settle(delivery, "delivered");
      return;
    }
    const log = { shop: delivery.shop, topic: delivery.topic, status, attempt };
    if (attempt >= this.policy.attempts) {
      this.logger.warn(log, "webhook delivery failed for good");
      this.settle(delivery, "failed");
      return;
    }
    this.logger.info(log, "webhook delivery failed, will retry");
    this.schedule(delivery, attempt + 1, this.policy.firstRetryMs * 2 ** (attempt - 1));
  }

  /** The answer's status, 0 when there was none. */
  private async post(url: string, delivery: Delivery, secret: string): Promise<number> {
    try {
      const response = await fetch(url, {
        method: "POST",
        body: delivery.body,
        signal: AbortSignal.timeout(this.policy.timeoutMs),
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Shopify-Captain-Hook",
          "X-Shopify-Hmac-Sha256": createHmac("sha256", secret)
            .update(delivery.body)
            .digest("base64"),
          "X-Shopify-Topic": delivery.topic,
          "X-Shopify-Shop-Domain": delivery.shop,
          "X-Shopify-API-Version": ADMIN_API_VERSION,
          "X-Shopify-Webhook-Id": delivery.id,
          "X-Shopify-Event-Id": delivery.eventId,
          "X-Shopify-Triggered-At": delivery.triggeredAt,
        },
      });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }
}
