import { router } from "./init.server";
import { shopRouter } from "./routers/shop.server";

export const appRouter = router({
  shop: shopRouter,
});

export type AppRouter = typeof appRouter;
