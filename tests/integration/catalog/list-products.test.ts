import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createDatabase, type Database } from "~/database.server";
import { auditCatalog } from "~/services/catalog/audit-catalog.server";
import { listProducts } from "~/services/catalog/list-products.server";
import { decodeCursor } from "~/services/catalog/product-cursor.server";
import {
  productListInput,
  PRODUCT_SORT_KEYS,
  type ProductListInput,
} from "~/services/catalog/product-list-input";
import { saveProducts } from "~/services/catalog/save-products.server";

import {
  createTestDatabase,
  testDatabaseProviders,
  type TestDatabase,
} from "../database/databases";

import { createShop, productSummary } from "./catalog-fixtures";

const COUNT = 60;
const TITLES = ["Waxed Canvas Tote", "leather wallet", "Linen Apron", "Copper Mug", "wool scarf"];

/** Products with repeated titles (ties for the sort), and a spread of scores and issues. */
function catalog() {
  return Array.from({ length: COUNT }, (_, index) => {
    const id = index + 1;
    const title = `${TITLES[id % TITLES.length]} ${id % 7}`;
    return productSummary(id, {
      title,
      handle: `item-${id}`,
      updatedAt: new Date(Date.UTC(2026, 0, 1) + (id % 11) * 86_400_000).toISOString(),
      seo: {
        title: id % 3 === 0 ? null : `${title} | Harbor Goods, made to last`,
        description: id % 4 === 0 ? "Too short." : `${title}: ${"built for daily use ".repeat(4)}`,
      },
      imagesWithoutAlt: id % 5 === 0 ? 1 : 0,
    });
  });
}

describe.each(testDatabaseProviders())("listing the catalog on %s", (provider) => {
  let database: TestDatabase;
  let db: Database;
  let shopId: string;

  async function list(input: ProductListInput) {
    const query = productListInput.parse(input);
    const cursor = query.cursor ? decodeCursor(query.cursor, query) : null;
    return listProducts(db, shopId, { ...query, cursor }, provider);
  }

  async function everyPage(input: ProductListInput, pageSize = 7) {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ ...input, cursor, pageSize });
      ids.push(...page.products.map((product) => product.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    db = createDatabase(database.url);
    shopId = await createShop(db, "list-a.myshopify.com");
    const otherShopId = await createShop(db, "list-b.myshopify.com");
    await auditCatalog(db, shopId, await saveProducts(db, shopId, catalog(), new Date()));
    await saveProducts(db, otherShopId, catalog().slice(0, 5), new Date());
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it.each(PRODUCT_SORT_KEYS.flatMap((sort) => [[sort, "asc"] as const, [sort, "desc"] as const]))(
    "pages through every product once, sorted by %s %s",
    async (sort, direction) => {
      const full = await list({ sort, direction, pageSize: 100 });
      const paged = await everyPage({ sort, direction });

      expect(full.total).toBe(COUNT);
      expect(paged).toEqual(full.products.map((product) => product.id));

      const values = full.products.map((product) =>
        sort === "title" ? product.title : sort === "score" ? product.score : product.updatedAt,
      );
      const ordered = [...values].sort((a, b) => {
        if (a === b) return 0;
        const ascending = (a ?? "") < (b ?? "") ? -1 : 1;
        return direction === "asc" ? ascending : -ascending;
      });
      expect(values).toEqual(ordered);
    },
  );

  it("filters by issue, with the total of the filtered list", async () => {
    const page = await list({ issue: "seo-title-missing", sort: "score", pageSize: 100 });

    expect(page.total).toBe(COUNT / 3);
    expect(page.products).toHaveLength(COUNT / 3);
    for (const product of page.products) {
      expect(product.issues).toContain("seo-title-missing");
      expect(product.seoTitle).toBeNull();
    }
  });

  it("searches titles, handles and SEO titles without regard to case", async () => {
    const page = await list({ search: "WAXED canvas", pageSize: 100 });
    const byHandle = await list({ search: "item-42", pageSize: 100 });

    expect(page.total).toBe(COUNT / TITLES.length);
    for (const product of page.products) expect(product.title).toMatch(/^Waxed Canvas Tote/);
    expect(byHandle.products.map((product) => product.handle)).toEqual(["item-42"]);
  });

  it("combines search, issue filter and paging", async () => {
    const input = { search: "SCARF", issue: "seo-description-too-short" } as const;
    const all = await list({ ...input, pageSize: 100 });

    expect(all.products).toHaveLength(3);
    expect(await everyPage(input, 2)).toEqual(all.products.map((product) => product.id));
    for (const product of all.products) {
      expect(product.title).toMatch(/^wool scarf/);
      expect(product.issues).toContain("seo-description-too-short");
    }
  });

  it("continues after a cursor whose row has since been deleted", async () => {
    const first = await list({ sort: "title", pageSize: 5 });
    const last = first.products.at(-1);
    const expected = await list({ sort: "title", pageSize: 10 });
    await db.metaTag.delete({ where: { id: last?.id ?? "" } });

    const next = await list({ sort: "title", pageSize: 5, cursor: first.nextCursor });

    expect(next.products.map((product) => product.id)).toEqual(
      expected.products.slice(5, 10).map((product) => product.id),
    );
  });

  it("walks past rows without a sort value, wherever the database orders them", async () => {
    const bare = await Promise.all(
      [1, 2].map((n) =>
        db.metaTag.create({
          data: {
            shopId,
            resourceType: "PRODUCT",
            resourceId: `gid://shopify/Product/9${n}`,
            source: "shopify",
          },
        }),
      ),
    );

    for (const sort of PRODUCT_SORT_KEYS) {
      for (const direction of ["asc", "desc"] as const) {
        const full = await list({ sort, direction, pageSize: 100 });
        const ids = full.products.map((product) => product.id);
        expect(await everyPage({ sort, direction }, 3), `${sort} ${direction}`).toEqual(ids);
        for (const row of bare) expect(ids).toContain(row.id);
      }
    }
    await db.metaTag.deleteMany({ where: { id: { in: bare.map((row) => row.id) } } });
  });

  it("refuses a cursor made for another sort", async () => {
    const { nextCursor } = await list({ sort: "title", pageSize: 5 });

    await expect(list({ sort: "score", cursor: nextCursor })).rejects.toThrow(
      /^cursor: made for another sort order/,
    );
  });
});
