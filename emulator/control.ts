/**
 * The control API under /__emulator, used by the demo and the tests to set the emulator up
 * and to read what the app did.
 */
import express, { type Response, type Router } from "express";
import { z } from "zod";
import { faultsRouter } from "./control-faults";
import { shopProductsRouter } from "./control-products";
import { noteRequest } from "./journal";
import { mintSessionToken } from "./shopify/session-token";
import { SHOP_DOMAIN, type ShopRecord } from "./shopify/shops";
import { addShop, resetState, type EmulatorState } from "./state";

const MAX_PRODUCTS = 200_000;

const shopBody = z.object({
  domain: z.string().regex(SHOP_DOMAIN, "must look like name.myshopify.com"),
  name: z.string().min(1).max(255).optional(),
  email: z.email().optional(),
  products: z.number().int().min(0).max(MAX_PRODUCTS).optional(),
  plan: z
    .object({
      displayName: z.string().min(1),
      partnerDevelopment: z.boolean(),
      shopifyPlus: z.boolean(),
    })
    .partial()
    .optional(),
  bucket: z.object({ size: z.number().positive(), restoreRate: z.number().positive() }).optional(),
});

const sessionTokenBody = z.object({ shop: z.string().regex(SHOP_DOMAIN) });

const journalQuery = z.object({
  shop: z.string().optional(),
  kind: z.string().optional(),
});

function badRequest(res: Response, error: z.ZodError): void {
  res
    .status(400)
    .json({ error: "invalid_request", fieldErrors: z.flattenError(error).fieldErrors });
}

function shopSummary(state: EmulatorState, shop: ShopRecord) {
  return {
    domain: shop.domain,
    name: shop.name,
    email: shop.email,
    products: shop.products.length,
    adminUrl: `${state.baseUrl}/store/${shop.handle}/apps/${state.app.handle}`,
  };
}

export function controlRouter(state: EmulatorState): Router {
  const router = express.Router();
  router.use(express.json());
  router.use((_req, res, next) => {
    noteRequest(res, { kind: "control" });
    next();
  });

  router.get("/health", (_req, res) => {
    res.json({ status: "ok", shops: state.shops.size, app: state.app.handle });
  });

  router.post("/reset", (_req, res) => {
    resetState(state);
    state.logger.info({ shops: state.shops.size }, "emulator reset");
    res.json({ status: "reset", shops: state.shops.size });
  });

  router.get("/shops", (_req, res) => {
    res.json({ shops: [...state.shops.values()].map((shop) => shopSummary(state, shop)) });
  });

  router.post("/shops", (req, res) => {
    const parsed = shopBody.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);

    const replaced = state.shops.has(parsed.data.domain);
    const shop = addShop(state, parsed.data);
    noteRequest(res, { shop: shop.domain });
    state.logger.info({ shop: shop.domain, products: shop.products.length }, "shop created");
    res.status(replaced ? 200 : 201).json(shopSummary(state, shop));
  });

  router.use("/faults", faultsRouter(state));
  router.use("/shops", shopProductsRouter(state));

  router.get("/journal", (req, res) => {
    const parsed = journalQuery.safeParse(req.query);
    if (!parsed.success) return badRequest(res, parsed.error);
    res.json({ entries: state.journal.list(parsed.data) });
  });

  router.delete("/journal", (_req, res) => {
    state.journal.clear();
    res.status(204).end();
  });

  router.post("/session-tokens", (req, res) => {
    const parsed = sessionTokenBody.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);

    const shop = state.shops.get(parsed.data.shop);
    if (!shop) {
      res
        .status(404)
        .json({ error: "unknown_shop", message: `${parsed.data.shop} does not exist` });
      return;
    }
    noteRequest(res, { shop: shop.domain });
    const token = mintSessionToken({
      shop: shop.domain,
      apiKey: state.app.apiKey,
      apiSecret: state.app.apiSecret,
      userId: shop.owner.id,
      sessionId: shop.adminSessionId,
      now: state.clock(),
    });
    res.json({ token });
  });

  return router;
}
