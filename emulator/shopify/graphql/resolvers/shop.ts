import type { GraphQLResolveInfo } from "graphql";
import type { ShopRecord } from "../../shops";
import type { ResolverContext, View } from "./context";
import { gid } from "./global-id";
import { productConnection, type ProductsArgs } from "./product-connection";

function zonePart(timeZone: string, now: number, style: "short" | "longOffset"): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: style }).formatToParts(
    new Date(now),
  );
  return parts.find((part) => part.type === "timeZoneName")?.value ?? "";
}

/** "GMT-05:00" as Shopify's "-0500" and -300. */
function utcOffset(timeZone: string, now: number): { text: string; minutes: number } {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zonePart(timeZone, now, "longOffset"));
  if (!match) return { text: "+0000", minutes: 0 };
  const [, sign = "+", hours = "00", minutes = "00"] = match;
  const total = (Number(hours) * 60 + Number(minutes)) * (sign === "-" ? -1 : 1);
  return { text: `${sign}${hours}${minutes}`, minutes: total };
}

function address(shop: ShopRecord): View {
  const lines = ["100 Main Street", "Burlington VT 05401", "United States"];
  return {
    id: gid("ShopAddress", shop.id % 100_000_000),
    address1: "100 Main Street",
    address2: null,
    city: "Burlington",
    province: "Vermont",
    provinceCode: "VT",
    zip: "05401",
    country: "United States",
    countryCodeV2: "US",
    company: null,
    phone: "+18025550100",
    latitude: 44.4759,
    longitude: -73.2121,
    coordinatesValidated: false,
    formattedArea: "Burlington VT, United States",
    formatted: lines,
  };
}

export function shopView(context: ResolverContext): View {
  const { shop, now } = context;
  const domain = {
    id: gid("Domain", shop.id % 100_000_000),
    host: shop.domain,
    url: `https://${shop.domain}`,
    sslEnabled: true,
    localization: null,
    marketWebPresence: null,
  };
  const offset = utcOffset(shop.ianaTimezone, now);

  return {
    __typename: "Shop",
    id: gid("Shop", shop.id),
    name: shop.name,
    email: shop.email,
    contactEmail: shop.email,
    description: null,
    myshopifyDomain: shop.domain,
    url: `https://${shop.domain}`,
    primaryDomain: domain,
    domains: [domain],
    plan: {
      displayName: shop.plan.displayName,
      publicDisplayName: shop.plan.displayName,
      partnerDevelopment: shop.plan.partnerDevelopment,
      shopifyPlus: shop.plan.shopifyPlus,
    },
    currencyCode: shop.currencyCode,
    enabledPresentmentCurrencies: [shop.currencyCode],
    ianaTimezone: shop.ianaTimezone,
    timezoneAbbreviation: zonePart(shop.ianaTimezone, now, "short"),
    timezoneOffset: offset.text,
    timezoneOffsetMinutes: offset.minutes,
    createdAt: shop.createdAt,
    updatedAt: shop.createdAt,
    shopOwnerName: `${shop.owner.firstName} ${shop.owner.lastName}`,
    billingAddress: address(shop),
    shopAddress: address(shop),
    weightUnit: "KILOGRAMS",
    unitSystem: "METRIC_SYSTEM",
    taxesIncluded: false,
    taxShipping: false,
    setupRequired: false,
    checkoutApiSupported: true,
    products: (args: ProductsArgs, _context: unknown, info: GraphQLResolveInfo) =>
      productConnection(context, args, info),
  };
}
