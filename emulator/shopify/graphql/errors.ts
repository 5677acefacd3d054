/**
 * Shopify runs graphql-ruby, so its static errors read differently from graphql-js: this turns
 * the common graphql-js messages into Shopify's wording, codes and `path`, and builds the
 * cost and throttling errors of the Admin API.
 */
import {
  BREAK,
  Kind,
  visit,
  type ASTNode,
  type DocumentNode,
  type GraphQLError,
  type SourceLocation,
} from "graphql";
import { MAX_QUERY_COST } from "../cost/rules";

export type ShopifyError = {
  message: string;
  locations?: readonly SourceLocation[];
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
};

type Translation = { message: string; extensions: Record<string, unknown> };

type Translator = (match: RegExpExecArray) => Translation;

const RATE_LIMITS_DOCS = "https://shopify.dev/api/usage/rate-limits";

const TRANSLATIONS: Array<[RegExp, Translator]> = [
  [
    /^Cannot query field "(.+?)" on type "(.+?)"\./,
    ([, field = "", type = ""]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: "undefinedField", typeName: type, fieldName: field },
    }),
  ],
  [
    /^Unknown argument "(.+?)" on field "(.+?)\.(.+?)"\./,
    ([, argument = "", , field = ""]) => ({
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      extensions: {
        code: "argumentNotAccepted",
        name: field,
        typeName: "Field",
        argumentName: argument,
      },
    }),
  ],
  [
    /^Field "(.+?)" argument "(.+?)" of type ".+?" is required, but it was not provided\./,
    ([, field = "", argument = ""]) => ({
      message: `Field '${field}' is missing required arguments: ${argument}`,
      extensions: {
        code: "missingRequiredArguments",
        className: "Field",
        name: field,
        arguments: argument,
      },
    }),
  ],
  [
    /^Field "(.+?)" of type "(.+?)" must have a selection of subfields\./,
    ([, field = "", type = ""]) => ({
      message:
        `Field must have selections (field '${field}' returns ${type.replace(/[[\]!]/g, "")} ` +
        `but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type },
    }),
  ],
  [
    /^Field "(.+?)" must not have a selection since type "(.+?)" has no subfields\./,
    ([, field = "", type = ""]) => ({
      message: `Selections can't be made on scalars (field '${field}' returns ${type})`,
      extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: type },
    }),
  ],
  [
    /^Unknown type "(.+?)"\./,
    ([, type = ""]) => ({
      message: `No such type ${type}, so it can't be a fragment condition`,
      extensions: { code: "undefinedType", typeName: type },
    }),
  ],
  [
    /^Variable "\$(.+?)" is never used/,
    ([, name = ""]) => ({
      message: `Variable $${name} is declared but not used`,
      extensions: { code: "variableNotUsed", variableName: name },
    }),
  ],
  [
    /^Variable "\$(.+?)" is not defined/,
    ([, name = ""]) => ({
      message: `Variable $${name} is used but not declared`,
      extensions: { code: "variableNotDefined", variableName: name },
    }),
  ],
];

function translate(message: string): Translation {
  for (const [pattern, translator] of TRANSLATIONS) {
    const match = pattern.exec(message);
    if (match) return translator(match);
  }
  return { message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
}

/** graphql-ruby style path: the operation ("query" or "query Name"), then fields. */
function pathTo(document: DocumentNode, target: ASTNode): Array<string | number> | undefined {
  let found: Array<string | number> | undefined;
  visit(document, {
    enter(node, _key, _parent, _path, ancestors) {
      if (node !== target) return undefined;
      found = [...ancestors, node].flatMap((ancestor) => pathSegment(ancestor));
      return BREAK;
    },
  });
  return found;
}

function pathSegment(node: ASTNode | readonly ASTNode[]): string[] {
  if (Array.isArray(node) || !("kind" in node)) return [];
  const element = node as ASTNode;
  switch (element.kind) {
    case Kind.OPERATION_DEFINITION:
      return [element.name ? `${element.operation} ${element.name.value}` : element.operation];
    case Kind.FRAGMENT_DEFINITION:
      return [`fragment ${element.name.value}`];
    case Kind.INLINE_FRAGMENT:
      return [element.typeCondition ? `... on ${element.typeCondition.name.value}` : "..."];
    case Kind.FIELD:
      return [element.alias?.value ?? element.name.value];
    case Kind.ARGUMENT:
      return [element.name.value];
    default:
      return [];
  }
}

export function validationError(error: GraphQLError, document: DocumentNode): ShopifyError {
  const { message, extensions } = translate(error.message);
  const node = error.nodes?.[0];
  const path = node ? pathTo(document, node) : undefined;
  return {
    message,
    ...(error.locations && { locations: error.locations }),
    ...(path && { path }),
    extensions,
  };
}

export function parseError(error: GraphQLError): ShopifyError {
  return {
    message: error.message,
    ...(error.locations && { locations: error.locations }),
    extensions: { code: "parseError" },
  };
}

export function maxCostError(cost: number): ShopifyError {
  return {
    message:
      `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).` +
      `\n\nSee ${RATE_LIMITS_DOCS} for more information on how the cost of a query is ` +
      "calculated.\n\nTo query larger amounts of data with fewer limits, bulk operations should " +
      "be used instead.\nSee https://shopify.dev/api/usage/bulk-operations/queries for usage " +
      "details.\n",
    extensions: {
      code: "MAX_COST_EXCEEDED",
      cost,
      maxCost: MAX_QUERY_COST,
      documentation: RATE_LIMITS_DOCS,
    },
  };
}

export function throttledError(): ShopifyError {
  return {
    message: "Throttled",
    extensions: { code: "THROTTLED", documentation: RATE_LIMITS_DOCS },
  };
}
