import type { ImageRecord, ProductRecord, VariantRecord } from "../../../fixtures/products";
import { encodeCursor, paginateList, type PageArgs } from "../connection";
import type { Args, ResolverContext, View } from "./context";
import { gid } from "./global-id";
import { productMetafieldFields } from "./metafield";

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function truncate(text: string, length: unknown): string {
  if (typeof length !== "number" || text.length <= length) return text;
  return `${text.slice(0, Math.max(0, length - 3)).trimEnd()}...`;
}

function count(value: number): View {
  return { count: value, precision: "EXACT" };
}

function money(context: ResolverContext, amount: string): View {
  return { amount, currencyCode: context.shop.currencyCode };
}

export function imageView(context: ResolverContext, image: ImageRecord): View {
  const url = `${context.baseUrl}${image.path}`;
  return {
    __typename: "Image",
    id: gid("ProductImage", image.id),
    altText: image.alt,
    url,
    src: url,
    originalSrc: url,
    width: image.width,
    height: image.height,
    thumbhash: null,
  };
}

export function mediaImageView(
  context: ResolverContext,
  product: ProductRecord,
  image: ImageRecord,
): View {
  const picture = imageView(context, image);
  return {
    __typename: "MediaImage",
    id: gid("MediaImage", image.id),
    alt: image.alt,
    mediaContentType: "IMAGE",
    status: "READY",
    fileStatus: "READY",
    mediaErrors: [],
    mediaWarnings: [],
    mimeType: "image/svg+xml",
    image: picture,
    preview: { image: picture, status: "READY" },
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
  };
}

export function variantView(
  context: ResolverContext,
  product: ProductRecord,
  variant: VariantRecord,
): View {
  return {
    __typename: "ProductVariant",
    id: gid("ProductVariant", variant.id),
    legacyResourceId: String(variant.id),
    title: variant.title,
    displayName: `${product.title} - ${variant.title}`,
    price: variant.price,
    compareAtPrice: null,
    sku: variant.sku,
    barcode: null,
    position: variant.position,
    availableForSale: product.status === "ACTIVE",
    taxable: true,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    product: () => productView(context, product),
  };
}

function priceRange(context: ResolverContext, product: ProductRecord): View {
  const prices = product.variants.map((variant) => Number(variant.price));
  const lowest = prices.length ? Math.min(...prices) : 0;
  const highest = prices.length ? Math.max(...prices) : 0;
  return {
    minVariantPrice: money(context, lowest.toFixed(2)),
    maxVariantPrice: money(context, highest.toFixed(2)),
  };
}

export function productView(context: ResolverContext, product: ProductRecord): View {
  const { shop } = context;
  const storefrontUrl = `https://${shop.domain}/products/${product.handle}`;
  const [firstImage] = product.images;
  const onlyDefault =
    product.variants.length === 1 && product.variants[0]?.title === "Default Title";
  const self = (): View => productView(context, product);

  return {
    ...productMetafieldFields(context, product, self),
    __typename: "Product",
    id: gid("Product", product.id),
    legacyResourceId: String(product.id),
    defaultCursor: encodeCursor({ id: product.id, value: null }),
    handle: product.handle,
    title: product.title,
    description: (args: Args) => truncate(plainText(product.descriptionHtml), args.truncateAt),
    descriptionHtml: product.descriptionHtml,
    vendor: product.vendor,
    productType: product.productType,
    status: product.status,
    tags: product.tags,
    createdAt: product.createdAt,
    updatedAt: product.updatedAt,
    publishedAt: product.publishedAt,
    seo: { title: product.seo.title, description: product.seo.description },
    onlineStoreUrl: product.publishedAt ? storefrontUrl : null,
    onlineStorePreviewUrl: storefrontUrl,
    templateSuffix: null,
    isGiftCard: false,
    hasOnlyDefaultVariant: onlyDefault,
    priceRangeV2: () => priceRange(context, product),
    variantsCount: count(product.variants.length),
    variants: (args: PageArgs) =>
      paginateList(product.variants, args, (variant) => variantView(context, product, variant)),
    mediaCount: count(product.images.length),
    featuredMedia: firstImage ? mediaImageView(context, product, firstImage) : null,
    media: (args: PageArgs) =>
      paginateList(product.images, args, (image) => mediaImageView(context, product, image)),
    featuredImage: firstImage ? imageView(context, firstImage) : null,
    images: (args: PageArgs) =>
      paginateList(product.images, args, (image) => imageView(context, image)),
  };
}
