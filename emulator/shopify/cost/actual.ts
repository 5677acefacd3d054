import { getNamedType, isCompositeType, type GraphQLResolveInfo } from "graphql";
import { CONNECTION_COST, MUTATION_COST, OBJECT_COST, isConnectionType, isEdgeType } from "./rules";

/** What one resolved field adds to the actual cost, mirroring `requestedQueryCost`. */
export function resolvedFieldCost(
  info: GraphQLResolveInfo,
  args: Record<string, unknown>,
  value: unknown,
): number {
  if (value === null || value === undefined) return 0;
  if (info.operation.operation === "mutation") {
    return info.path.prev === undefined ? MUTATION_COST : 0;
  }

  const parent = info.parentType;
  const returned = getNamedType(info.returnType);
  if (isConnectionType(parent)) {
    const listsObjects = info.fieldName === "nodes" && isCompositeType(returned);
    return listsObjects && Array.isArray(value) ? countPresent(value) : 0;
  }
  if (isEdgeType(parent)) {
    return info.fieldName === "node" && isCompositeType(returned) ? OBJECT_COST : 0;
  }
  if (!isCompositeType(returned)) return 0;
  if (isConnectionType(returned)) return CONNECTION_COST;
  if (Array.isArray(value) && Array.isArray(args.ids)) return countPresent(value);
  return OBJECT_COST;
}

function countPresent(values: unknown[]): number {
  return values.filter((value) => value !== null && value !== undefined).length;
}
