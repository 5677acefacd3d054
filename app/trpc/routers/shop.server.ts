import { z } from "zod";

import { prisma } from "~/db.server";
import { SUPPORTED_LOCALES } from "~/i18n/locales";
import { syncShopInfo } from "~/services/shop/shop-info.server";

import { router, shopProcedure } from "../init.server";

export const shopRouter = router({
  /** The shop as the Admin API describes it now, plus the app plan it is on. */
  info: shopProcedure.query(async ({ ctx }) => {
    const shop = await syncShopInfo(prisma, ctx.adminClient, ctx.shop.id);

    return {
      name: shop.name,
      email: shop.email,
      domains: {
        myshopify: shop.domain,
        primary: { host: shop.primaryDomainHost, url: shop.primaryDomainUrl },
      },
      plan: {
        displayName: shop.planDisplayName,
        developmentStore: shop.partnerDevelopment,
        plus: shop.shopifyPlus,
      },
      currencyCode: shop.currencyCode,
      ianaTimezone: shop.ianaTimezone,
      appPlan: shop.activePlan && {
        id: shop.activePlan.planId,
        name: shop.activePlan.planName,
        status: shop.activePlan.status,
        price: shop.activePlan.price.toString(),
        intervalLabel: shop.activePlan.intervalLabel,
        nextMonthStart: shop.activePlan.nextMonthStart.toISOString(),
      },
    };
  }),

  /** The language the app's own pages are shown in. */
  updateSettings: shopProcedure
    .input(z.object({ appLanguage: z.enum(SUPPORTED_LOCALES) }))
    .mutation(async ({ ctx, input }) => {
      const shop = await prisma.shop.update({
        where: { id: ctx.shop.id },
        data: { appLanguage: input.appLanguage },
      });
      ctx.log.info({ appLanguage: shop.appLanguage }, "shop settings updated");
      return { appLanguage: shop.appLanguage };
    }),
});
