import {
  GraphQLError,
  execute,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import { resolvedFieldCost } from "../cost/actual";
import type { Args, ResolverContext, Resolver, View } from "./resolvers/context";
import { mutationRoot } from "./resolvers/mutation-root";
import { queryRoot } from "./resolvers/query-root";

function notEmulated(type: string, field: string): GraphQLError {
  return new GraphQLError(`${type}.${field} is not emulated`, {
    extensions: { code: "NOT_EMULATED" },
  });
}

/**
 * Reads a field from the view objects built by the resolvers, and adds what it returned to the
 * actual query cost. A field the view does not define is reported rather than left null.
 */
const fieldResolver: GraphQLFieldResolver<unknown, ResolverContext, Args> = (
  source,
  args,
  context,
  info,
) => {
  const view = source as View | null;
  if (typeof view !== "object" || view === null || !Object.hasOwn(view, info.fieldName)) {
    throw notEmulated(info.parentType.name, info.fieldName);
  }
  const property = view[info.fieldName];
  const value =
    typeof property === "function" ? (property as Resolver)(args, context, info) : property;
  context.actualCost += resolvedFieldCost(info, args, value);
  return value;
};

export type ExecuteInput = {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationType: "query" | "mutation" | "subscription";
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  context: ResolverContext;
};

export async function executeAdminOperation(input: ExecuteInput): Promise<ExecutionResult> {
  // Mutations without a resolver answer "not emulated", like any other missing field.
  const rootValue =
    input.operationType === "mutation" ? mutationRoot(input.context) : queryRoot(input.context);
  return execute({
    schema: input.schema,
    document: input.document,
    rootValue,
    contextValue: input.context,
    variableValues: input.variables,
    operationName: input.operationName,
    fieldResolver,
  });
}
