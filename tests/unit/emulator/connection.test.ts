import { describe, expect, it } from "vitest";

import { paginate, type PageArgs } from "../../../emulator/shopify/graphql/connection";

const ROWS = Array.from({ length: 7 }, (_, index) => ({ id: index + 1 }));

function page(args: PageArgs) {
  return paginate(
    ROWS,
    args,
    (row) => ({ id: row.id, value: null }),
    (row) => row.id,
  );
}

describe("cursor pagination", () => {
  it("walks forward with first/after", () => {
    const one = page({ first: 3 });
    const two = page({ first: 3, after: one.pageInfo.endCursor });
    const three = page({ first: 3, after: two.pageInfo.endCursor });

    expect([one.nodes, two.nodes, three.nodes]).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(one.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(three.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(one.edges[0]?.cursor).toBe(one.pageInfo.startCursor);
  });

  it("walks backward with last/before", () => {
    const last = page({ last: 3 });
    const before = page({ last: 3, before: last.pageInfo.startCursor });

    expect(last.nodes).toEqual([5, 6, 7]);
    expect(before.nodes).toEqual([2, 3, 4]);
    expect(before.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it("pages the reversed order", () => {
    const one = page({ first: 2, reverse: true });

    expect(one.nodes).toEqual([7, 6]);
    expect(page({ first: 2, reverse: true, after: one.pageInfo.endCursor }).nodes).toEqual([5, 4]);
  });

  it("answers an empty page past the end", () => {
    const end = page({ first: 3, after: page({ last: 1 }).pageInfo.endCursor });

    expect(end.nodes).toEqual([]);
    expect(end.pageInfo).toMatchObject({ startCursor: null, endCursor: null, hasNextPage: false });
  });

  it("refuses pages without a size, too large, or with a broken cursor", () => {
    expect(() => page({})).toThrow("you must provide one of first or last");
    expect(() => page({ first: 251 })).toThrow(/between 0 and 250/);
    expect(() => page({ first: 1, after: "bm9wZQ==" })).toThrow(/Invalid cursor/);
  });
});
