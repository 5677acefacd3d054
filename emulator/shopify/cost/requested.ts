/**
 * Query cost following Shopify's published rules for the Admin API:
 * scalars and enums 0, objects 1, interfaces and unions the most expensive possible selection,
 * connections 2 plus the page size (`first` or `last`) times the cost of one node,
 * every mutation field 10. A single query may not request more than 1,000 points.
 *
 * This prices a document before it runs (`requestedQueryCost`); actual.ts prices what ran.
 */
import {
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { collectFields, mergeSelections, type Walk } from "./collect-fields";
import { CONNECTION_COST, MUTATION_COST, OBJECT_COST, isConnectionType } from "./rules";

export type CostInput = {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
};

/**
 * The cost Shopify would charge before running the operation. Returns 0 when the operation
 * cannot run at all (unknown operation name, bad variables): execution reports those errors.
 */
export function requestedQueryCost(input: CostInput): number {
  const { schema, document } = input;
  const operation = getOperationAST(document, input.operationName ?? undefined);
  if (!operation) return 0;

  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    input.variables ?? {},
  );
  if (coerced.errors) return 0;

  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;

  const walk: Walk = { schema, fragments: fragmentsOf(document), variables: coerced.coerced };
  if (operation.operation === "mutation") {
    const fields = [...collectFields(walk, operation.selectionSet, rootType).values()];
    return fields.filter((nodes) => !fieldName(nodes).startsWith("__")).length * MUTATION_COST;
  }
  return selectionCost(walk, operation.selectionSet, rootType);
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}

function fieldName(nodes: FieldNode[]): string {
  return nodes[0]?.name.value ?? "";
}

function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode | undefined,
  type: GraphQLCompositeType,
): number {
  if (!selectionSet) return 0;
  if (!isAbstractType(type)) return objectCost(walk, selectionSet, type);

  let most = 0;
  for (const possible of walk.schema.getPossibleTypes(type)) {
    most = Math.max(most, objectCost(walk, selectionSet, possible));
  }
  return most;
}

function objectCost(walk: Walk, selectionSet: SelectionSetNode, type: GraphQLObjectType): number {
  let total = 0;
  for (const nodes of collectFields(walk, selectionSet, type).values()) {
    total += fieldCost(walk, type, nodes);
  }
  return total;
}

function fieldCost(walk: Walk, parent: GraphQLObjectType, nodes: FieldNode[]): number {
  const name = fieldName(nodes);
  const definition = parent.getFields()[name];
  const first = nodes[0];
  if (!definition || !first || name.startsWith("__")) return 0;

  const type = getNamedType(definition.type);
  if (!isCompositeType(type)) return 0;

  const args = argumentsOf(walk, definition, first);
  const selection = mergeSelections(nodes);
  if (isConnectionType(type)) {
    const pageSize = Math.max(numberArg(args.first), numberArg(args.last));
    return CONNECTION_COST + pageSize * nodeCost(walk, type, selection);
  }

  const isList = isListType(getNullableType(definition.type));
  const repeat = isList && Array.isArray(args.ids) ? args.ids.length : 1;
  return repeat * (OBJECT_COST + selectionCost(walk, selection, type));
}

/** The cost of one node of a connection: `edges { node }` and `nodes` are each charged. */
function nodeCost(walk: Walk, connection: GraphQLObjectType, selection: SelectionSetNode): number {
  let total = 0;
  for (const nodes of collectFields(walk, selection, connection).values()) {
    const name = fieldName(nodes);
    const definition = connection.getFields()[name];
    if (!definition) continue;
    const type = getNamedType(definition.type);

    if (name === "nodes" && isCompositeType(type)) {
      total += OBJECT_COST + selectionCost(walk, mergeSelections(nodes), type);
    }
    if (name === "edges" && isObjectType(type)) {
      total += edgeNodeCost(walk, type, mergeSelections(nodes));
    }
  }
  return total;
}

function edgeNodeCost(walk: Walk, edge: GraphQLObjectType, selection: SelectionSetNode): number {
  const nodeField = edge.getFields().node;
  if (!nodeField) return 0;
  const type = getNamedType(nodeField.type);
  if (!isCompositeType(type)) return 0;

  let total = 0;
  for (const nodes of collectFields(walk, selection, edge).values()) {
    if (fieldName(nodes) === "node") {
      total += OBJECT_COST + selectionCost(walk, mergeSelections(nodes), type);
    }
  }
  return total;
}

function argumentsOf(
  walk: Walk,
  definition: Parameters<typeof getArgumentValues>[0],
  node: FieldNode,
): Record<string, unknown> {
  try {
    return getArgumentValues(definition, node, walk.variables);
  } catch {
    // Invalid arguments fail validation or execution with a proper error; they cost nothing.
    return {};
  }
}

function numberArg(value: unknown): number {
  return typeof value === "number" && value > 0 ? value : 0;
}
