import { GraphQLError } from "graphql";

export type GlobalId = { type: string; id: number };

export function gid(type: string, id: number): string {
  return `gid://shopify/${type}/${id}`;
}

/** Parses `gid://shopify/<Type>/<number>`; anything else fails like Shopify's ID coercion. */
export function parseGid(value: unknown): GlobalId {
  const match = typeof value === "string" ? /^gid:\/\/shopify\/(\w+)\/(\d+)$/.exec(value) : null;
  if (!match?.[1] || !match[2]) {
    throw new GraphQLError(`Invalid global id '${String(value)}'`, {
      extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" },
    });
  }
  return { type: match[1], id: Number(match[2]) };
}
