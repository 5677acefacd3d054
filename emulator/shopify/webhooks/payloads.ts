/**
 * Webhook bodies in the shape Shopify sends for product topics: the REST representation of the
 * product (snake_case, numeric ids beside `admin_graphql_api_id`). SEO fields are not part of
 * it at Shopify either; an app that needs them reads the product.
 */
import type { ProductRecord } from "../../fixtures/products";

function imagePayload(product: ProductRecord, baseUrl: string) {
  return product.images.map((image, index) => ({
    id: image.id,
    admin_graphql_api_id: `gid://shopify/ProductImage/${image.id}`,
    product_id: product.id,
    position: index + 1,
    alt: image.alt,
    src: `${baseUrl}${image.path}`,
    width: image.width,
    height: image.height,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    variant_ids: [],
  }));
}

export function productPayload(product: ProductRecord, baseUrl: string) {
  const images = imagePayload(product, baseUrl);
  return {
    admin_graphql_api_id: `gid://shopify/Product/${product.id}`,
    id: product.id,
    title: product.title,
    body_html: product.descriptionHtml,
    vendor: product.vendor,
    product_type: product.productType,
    handle: product.handle,
    created_at: product.createdAt,
    updated_at: product.updatedAt,
    published_at: product.publishedAt,
    template_suffix: null,
    published_scope: "global",
    tags: product.tags.join(", "),
    status: product.status.toLowerCase(),
    variants: product.variants.map((variant) => ({
      id: variant.id,
      admin_graphql_api_id: `gid://shopify/ProductVariant/${variant.id}`,
      product_id: product.id,
      title: variant.title,
      price: variant.price,
      sku: variant.sku,
      position: variant.position,
      option1: variant.title,
      created_at: product.createdAt,
      updated_at: product.updatedAt,
    })),
    options: [
      {
        name: "Title",
        position: 1,
        product_id: product.id,
        values: product.variants.map((variant) => variant.title),
      },
    ],
    images,
    image: images[0] ?? null,
  };
}

export function productDeletePayload(product: ProductRecord) {
  return { id: product.id };
}
