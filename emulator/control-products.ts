import express, { type Response, type Router } from "express";
import { deleteProduct } from "./shopify/catalog/product-changes";
import { sendProductWebhook } from "./shopify/graphql/route";
import type { ShopRecord } from "./shopify/shops";
import type { EmulatorState } from "./state";

const PRODUCT_ID = /^(?:gid:\/\/shopify\/Product\/)?(\d+)$/;

function productGid(id: number): string {
  return `gid://shopify/Product/${id}`;
}

/** Counts by product GID, for JSON. */
function byProduct(counts: Map<number, number>): Record<string, number> {
  return Object.fromEntries([...counts].map(([id, count]) => [productGid(id), count]));
}

function notFound(res: Response, error: string, message: string): void {
  res.status(404).json({ error, message });
}

/**
 * /__emulator/shops/:shop/...: read a product as the emulator holds it, delete one (which sends
 * products/delete), and count what the app changed.
 */
export function shopProductsRouter(state: EmulatorState): Router {
  const router = express.Router({ mergeParams: true });

  const shopOf = (domain: string, res: Response): ShopRecord | undefined => {
    const shop = state.shops.get(domain);
    if (!shop) notFound(res, "unknown_shop", `${domain} does not exist`);
    return shop;
  };
  const productIdOf = (value: string, res: Response): number | undefined => {
    const match = PRODUCT_ID.exec(value);
    if (!match?.[1]) {
      res.status(400).json({ error: "invalid_request", message: "id must be a number or GID" });
      return undefined;
    }
    return Number(match[1]);
  };

  router.get("/:shop/stats", (req, res) => {
    const shop = shopOf(req.params.shop, res);
    if (!shop) return;
    const updates = [...shop.stats.productUpdates.values()].reduce((sum, n) => sum + n, 0);
    const writes = [...shop.stats.metafieldWrites.values()].reduce((sum, n) => sum + n, 0);
    res.json({
      shop: shop.domain,
      products: shop.products.length,
      productUpdates: { total: updates, byProduct: byProduct(shop.stats.productUpdates) },
      productCreates: shop.stats.productCreates,
      metafieldWrites: { total: writes, byProduct: byProduct(shop.stats.metafieldWrites) },
      webhooks: state.webhooks.stats(shop.domain),
      bucket: { ...shop.bucketConfig },
    });
  });

  router.get("/:shop/products/:id", (req, res) => {
    const shop = shopOf(req.params.shop, res);
    const id = shop && productIdOf(req.params.id, res);
    if (!shop || id === undefined) return;
    const product = shop.productsById.get(id);
    if (!product) return notFound(res, "unknown_product", `${productGid(id)} does not exist`);

    res.json({
      product: {
        ...product,
        id: productGid(product.id),
        metafields: (shop.metafields.get(id) ?? []).map((metafield) => ({
          ...metafield,
          id: `gid://shopify/Metafield/${metafield.id}`,
          productId: undefined,
        })),
        updates: shop.stats.productUpdates.get(id) ?? 0,
      },
    });
  });

  router.delete("/:shop/products/:id", (req, res) => {
    const shop = shopOf(req.params.shop, res);
    const id = shop && productIdOf(req.params.id, res);
    if (!shop || id === undefined) return;
    const product = deleteProduct(shop, id);
    if (!product) return notFound(res, "unknown_product", `${productGid(id)} does not exist`);

    sendProductWebhook(state, shop.domain, { topic: "products/delete", product });
    state.logger.info({ shop: shop.domain, product: productGid(id) }, "product deleted");
    res.json({ deleted: productGid(id) });
  });

  return router;
}
