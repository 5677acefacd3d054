import { parse } from "graphql";
import { describe, expect, it } from "vitest";

import { requestedQueryCost } from "../../../emulator/shopify/cost/requested";
import { MAX_QUERY_COST } from "../../../emulator/shopify/cost/rules";
import { adminSchema } from "../../../emulator/shopify/graphql/schema";

function cost(query: string, variables?: Record<string, unknown>, operationName?: string) {
  return requestedQueryCost({
    schema: adminSchema(),
    document: parse(query),
    variables,
    operationName,
  });
}

describe("requestedQueryCost", () => {
  it("charges 1 per object and nothing for scalars and enums", () => {
    expect(cost("{ shop { name currencyCode } }")).toBe(1);
    expect(cost("{ shop { id name primaryDomain { host } plan { shopifyPlus } } }")).toBe(3);
  });

  it("charges a connection 2 plus its page size times the cost of one node", () => {
    expect(cost("{ products(first: 10) { edges { node { id title } } } }")).toBe(12);
    expect(cost("{ products(first: 250) { nodes { id } } }")).toBe(252);
    expect(cost("{ products(last: 3) { nodes { id } pageInfo { hasNextPage } } }")).toBe(5);
  });

  it("multiplies nested connections", () => {
    const query = `{
      products(first: 10) {
        edges { node { title variants(first: 5) { edges { node { price } } } } }
      }
    }`;
    // Each product: 1 + variants (2 + 5 * 1) = 8; the page: 2 + 10 * 8.
    expect(cost(query)).toBe(82);
  });

  it("charges the most expensive selection of an interface", () => {
    const query = `{
      products(first: 5) {
        nodes { seo { title } featuredMedia { ... on MediaImage { image { url } } } }
      }
    }`;
    // Each product: 1 + seo 1 + featuredMedia (1 + image 1) = 4.
    expect(cost(query)).toBe(22);
  });

  it("follows variables, named fragments, aliases and @include", () => {
    const query = `
      query Page($size: Int!, $withVariants: Boolean!) {
        first: products(first: $size) { nodes { ...Card } }
        again: products(first: 1) { nodes { id } }
      }
      fragment Card on Product {
        seo { title }
        variants(first: 3) @include(if: $withVariants) { nodes { id } }
      }`;
    // first: 2 + 50 * (1 + 1 + 5) = 352 with variants, 2 + 50 * 2 = 102 without; again: 3.
    expect(cost(query, { size: 50, withVariants: true })).toBe(355);
    expect(cost(query, { size: 50, withVariants: false })).toBe(105);
  });

  it("charges both edges and nodes when a query asks for both", () => {
    expect(cost("{ products(first: 2) { edges { node { id } } nodes { id } } }")).toBe(6);
  });

  it("charges 10 per mutation field whatever it selects", () => {
    const query = `mutation {
      one: productUpdate(product: { id: "gid://shopify/Product/1", title: "A" }) {
        product { id seo { title } } userErrors { field message }
      }
      two: productUpdate(product: { id: "gid://shopify/Product/2", title: "B" }) {
        userErrors { message }
      }
    }`;
    expect(cost(query)).toBe(20);
  });

  it("goes over the single query limit for wide nested pages", () => {
    const query = "{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }";
    const requested = cost(query);
    expect(requested).toBe(2 + 250 * (1 + 2 + 250));
    expect(requested).toBeGreaterThan(MAX_QUERY_COST);
  });

  it("picks the named operation and prices nothing it cannot run", () => {
    const document = "query A { shop { name } } query B { products(first: 4) { nodes { id } } }";
    expect(cost(document, {}, "B")).toBe(6);
    expect(cost(document)).toBe(0);
    expect(cost("query Q($n: Int!) { products(first: $n) { nodes { id } } }", {})).toBe(0);
  });
});
