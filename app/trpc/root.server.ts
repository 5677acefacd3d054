import { router } from "./init.server";
import { metafieldsRouter } from "./routers/metafields.server";
import { productsRouter } from "./routers/products.server";
import { seoRouter } from "./routers/seo.server";
import { shopRouter } from "./routers/shop.server";

export const appRouter = router({
  shop: shopRouter,
  products: productsRouter,
  seo: seoRouter,
  metafields: metafieldsRouter,
});

export type AppRouter = typeof appRouter;
