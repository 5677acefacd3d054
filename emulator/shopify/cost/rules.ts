import { isObjectType, type GraphQLNamedType, type GraphQLObjectType } from "graphql";

/** Shopify's published prices: scalars and enums 0, objects 1, connections 2 plus their nodes. */
export const MAX_QUERY_COST = 1000;
export const MUTATION_COST = 10;
export const CONNECTION_COST = 2;
export const OBJECT_COST = 1;

export function isConnectionType(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type) || !type.name.endsWith("Connection")) return false;
  const fields = type.getFields();
  return "pageInfo" in fields && ("edges" in fields || "nodes" in fields);
}

export function isEdgeType(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type) || !type.name.endsWith("Edge")) return false;
  const fields = type.getFields();
  return "node" in fields && "cursor" in fields;
}
