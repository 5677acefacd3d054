import type { Database } from "~/db.server";
import { FREE_PLAN, addOneMonth } from "~/services/billing/plans.server";

/**
 * Called after every successful token exchange: creates the shop on first install, marks a
 * reinstalled shop as installed again, and gives a shop without a plan the Free plan. Upserts
 * keep it safe when the first page load and its first data request authenticate at once.
 */
export async function recordInstallation(db: Database, domain: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const shop = await tx.shop.upsert({
      where: { domain },
      create: { domain, installedAt: now },
      update: {},
    });

    if (shop.uninstalledAt) {
      await tx.shop.update({
        where: { id: shop.id },
        data: { uninstalledAt: null, installedAt: now },
      });
    }

    await tx.activePlan.upsert({
      where: { shopId: shop.id },
      create: {
        shopId: shop.id,
        ...FREE_PLAN,
        status: "ACTIVE",
        activatedOn: now,
        currentMonthStart: now,
        nextMonthStart: addOneMonth(now),
      },
      update: {},
    });
    return shop.id;
  });
}

/** Marks the shop uninstalled and drops its sessions: its access token no longer works. */
export async function recordUninstall(db: Database, domain: string, now = new Date()) {
  await db.$transaction([
    db.session.deleteMany({ where: { shop: domain } }),
    db.shop.updateMany({ where: { domain, uninstalledAt: null }, data: { uninstalledAt: now } }),
  ]);
}
