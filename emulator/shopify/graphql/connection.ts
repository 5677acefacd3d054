/**
 * Relay cursor pagination the way the Admin API answers it: opaque base64 cursors naming the
 * last row's id and sort value, `first`/`after` and `last`/`before`, at most 250 per page.
 */
import { GraphQLError } from "graphql";

export const MAX_PAGE_SIZE = 250;

export type SortValue = string | number | null;

export type PageArgs = {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
};

export type Edge<T> = { cursor: string; node: T };

export type Connection<T> = {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
};

type CursorKey = { id: number; value: SortValue };

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify({ last_id: key.id, last_value: key.value })).toString("base64");
}

function decodeCursor(cursor: string, argument: string): CursorKey {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as unknown;
    if (typeof parsed === "object" && parsed !== null && "last_id" in parsed) {
      const { last_id: id, last_value: value } = parsed as {
        last_id: unknown;
        last_value: unknown;
      };
      const validValue = value === null || typeof value === "string" || typeof value === "number";
      if (typeof id === "number" && validValue) return { id, value };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new GraphQLError(`Invalid cursor for the ${argument} argument.`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

export function compareKeys(a: CursorKey, b: CursorKey): number {
  if (a.value !== b.value) {
    if (a.value === null) return 1;
    if (b.value === null) return -1;
    return a.value < b.value ? -1 : 1;
  }
  return a.id - b.id;
}

function checkPageSize(args: PageArgs): void {
  const first = args.first ?? null;
  const last = args.last ?? null;
  if (first === null && last === null) {
    throw new GraphQLError("you must provide one of first or last", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  for (const [name, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value !== null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new GraphQLError(`The ${name} argument must be between 0 and ${MAX_PAGE_SIZE}.`, {
        extensions: { code: "BAD_USER_INPUT" },
      });
    }
  }
}

/** First index whose key sorts after `key` (or at it, when `inclusive`). */
function boundary<T>(
  items: readonly T[],
  keyOf: (item: T) => CursorKey,
  key: CursorKey,
  direction: 1 | -1,
  inclusive: boolean,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const item = items[middle];
    const order = item === undefined ? 1 : direction * compareKeys(keyOf(item), key);
    if (order < 0 || (order === 0 && !inclusive)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * One page of `sorted` (ascending by `keyOf`). `hasPreviousPage` and `hasNextPage` say whether
 * rows exist before or after the page in the whole filtered list, whichever way one pages.
 */
export function paginate<T, N>(
  sorted: readonly T[],
  args: PageArgs,
  keyOf: (item: T) => CursorKey,
  toNode: (item: T) => N,
): Connection<N> {
  checkPageSize(args);
  const direction = args.reverse ? -1 : 1;
  const ordered = args.reverse ? [...sorted].reverse() : sorted;

  let start = 0;
  let end = ordered.length;
  if (args.after)
    start = boundary(ordered, keyOf, decodeCursor(args.after, "after"), direction, false);
  if (args.before) {
    end = boundary(ordered, keyOf, decodeCursor(args.before, "before"), direction, true);
  }
  end = Math.max(start, end);
  if (typeof args.first === "number") end = Math.min(end, start + args.first);
  if (typeof args.last === "number") start = Math.max(start, end - args.last);

  const page = ordered.slice(start, end);
  const edges = page.map((item) => ({ cursor: encodeCursor(keyOf(item)), node: toNode(item) }));
  return {
    edges,
    nodes: edges.map((edge) => edge.node),
    pageInfo: {
      hasNextPage: end < ordered.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** A connection over a short list that lives inside one record (variants, media). */
export function paginateList<T extends { id: number }, N>(
  items: readonly T[],
  args: PageArgs,
  toNode: (item: T) => N,
): Connection<N> {
  return paginate(items, args, (item) => ({ id: item.id, value: items.indexOf(item) }), toNode);
}
