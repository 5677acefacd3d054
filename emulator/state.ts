import type { Logger } from "pino";
import type { FaultRules } from "./faults";
import type { Journal } from "./journal";
import type { AccessTokenStore } from "./shopify/access-tokens";
import type { BucketConfig } from "./shopify/bucket";
import type { DocumentCache } from "./shopify/graphql/run-query";
import { createShop, type ShopInput, type ShopRecord } from "./shopify/shops";
import type { WebhookSender } from "./shopify/webhooks/sender";

export type AppConfig = {
  apiKey: string;
  apiSecret: string;
  /** Where the app is served, e.g. http://127.0.0.1:3000 (no trailing slash). */
  url: string;
  /** The app's handle in admin URLs: /store/<shop>/apps/<handle>. */
  handle: string;
  /** Shown in the admin's navigation. */
  name: string;
  /** Scopes granted to every access token. */
  scopes: string[];
};

/** Everything one emulator holds; two emulators in one process share nothing. */
export type EmulatorState = {
  app: AppConfig;
  bucket: BucketConfig;
  clock: () => number;
  logger: Logger;
  /** The emulator's own origin, known once it listens. */
  baseUrl: string;
  shops: Map<string, ShopRecord>;
  tokens: AccessTokenStore;
  journal: Journal;
  documents: DocumentCache;
  faults: FaultRules;
  webhooks: WebhookSender;
  /** Shops created at start and again on every reset. */
  seedShops: ShopInput[];
};

export function addShop(state: EmulatorState, input: ShopInput): ShopRecord {
  const shop = createShop(input, { bucket: state.bucket, now: state.clock() });
  state.tokens.revokeShop(shop.domain);
  state.shops.set(shop.domain, shop);
  return shop;
}

/** Back to the state right after start: seed shops only, no tokens, faults or journal. */
export function resetState(state: EmulatorState): void {
  state.shops.clear();
  state.tokens.clear();
  state.journal.clear();
  state.faults.clear();
  for (const input of state.seedShops) addShop(state, input);
}
