import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  isAbstractType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";

export type Walk = {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
};

export type FieldsByKey = Map<string, FieldNode[]>;

export function mergeSelections(nodes: FieldNode[]): SelectionSetNode {
  return {
    kind: Kind.SELECTION_SET,
    selections: nodes.flatMap((node) => node.selectionSet?.selections ?? []),
  };
}

function isSkipped(walk: Walk, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  const skip = getDirectiveValues(GraphQLSkipDirective, node, walk.variables);
  if (skip?.if === true) return true;
  const include = getDirectiveValues(GraphQLIncludeDirective, node, walk.variables);
  return include?.if === false;
}

function conditionMatches(walk: Walk, condition: string | undefined, type: GraphQLObjectType) {
  if (condition === undefined || condition === type.name) return true;
  const conditionType = walk.schema.getType(condition);
  return Boolean(
    conditionType && isAbstractType(conditionType) && walk.schema.isSubType(conditionType, type),
  );
}

/** Fields selected on one concrete type, by response key, through fragments and directives. */
export function collectFields(
  walk: Walk,
  selectionSet: SelectionSetNode,
  type: GraphQLObjectType,
  into: FieldsByKey = new Map(),
  visited: Set<string> = new Set(),
): FieldsByKey {
  for (const selection of selectionSet.selections) {
    if (isSkipped(walk, selection)) continue;

    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      into.set(key, [...(into.get(key) ?? []), selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (conditionMatches(walk, selection.typeCondition?.name.value, type)) {
        collectFields(walk, selection.selectionSet, type, into, visited);
      }
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || visited.has(name)) continue;
      visited.add(name);
      if (conditionMatches(walk, fragment.typeCondition.name.value, type)) {
        collectFields(walk, fragment.selectionSet, type, into, visited);
      }
    }
  }
  return into;
}
