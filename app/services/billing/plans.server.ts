/** The plan every shop starts on; paid plans are chosen later through Shopify's Billing API. */
export const FREE_PLAN = {
  planId: "free",
  planName: "Free",
  billingInterval: "FREE",
  intervalLabel: "month",
} as const;

/** The same calendar day one month later, clamped to the end of a shorter month (UTC). */
export function addOneMonth(from: Date): Date {
  const next = new Date(from);
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + 1);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return next;
}
