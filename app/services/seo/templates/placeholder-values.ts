import type { PlaceholderValues } from "./render-template";

export interface TemplateProduct {
  title: string;
  vendor: string;
  productType: string;
  minPrice: { amount: string; currencyCode: string } | null;
}

export interface TemplateShop {
  name: string | null;
  /** The shop's storefront language, which prices are written in. */
  language: string;
}

/** A price as the storefront would show it, e.g. "$25.00" or "25,00 €". */
export function formatPrice(price: TemplateProduct["minPrice"], language: string): string {
  if (!price) return "";
  const amount = Number(price.amount);
  if (!Number.isFinite(amount)) return "";
  try {
    return new Intl.NumberFormat(language, {
      style: "currency",
      currency: price.currencyCode,
    }).format(amount);
  } catch {
    // An unknown language tag or currency code: the plain amount still reads correctly.
    return `${price.amount} ${price.currencyCode}`;
  }
}

export function placeholderValues(product: TemplateProduct, shop: TemplateShop): PlaceholderValues {
  return {
    product_title: product.title,
    vendor: product.vendor,
    product_type: product.productType,
    shop_name: shop.name,
    price: formatPrice(product.minPrice, shop.language),
  };
}
