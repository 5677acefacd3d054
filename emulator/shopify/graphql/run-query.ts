/**
 * One Admin GraphQL request, step by step as Shopify answers it: parse, validate against the
 * real schema, price the query, take the points from the shop's bucket, execute, refund.
 */
import {
  GraphQLError,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import type { AccessGrant } from "../access-tokens";
import { refund, restore, take, throttleStatus } from "../bucket";
import { requestedQueryCost } from "../cost/requested";
import { MAX_QUERY_COST } from "../cost/rules";
import type { ShopRecord } from "../shops";
import {
  maxCostError,
  parseError,
  throttledError,
  validationError,
  type ShopifyError,
} from "./errors";
import { executeAdminOperation } from "./execute";
import type { ProductEvent, ResolverContext } from "./resolvers/context";

export type GraphqlRequest = {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
};

export type RunInput = {
  schema: GraphQLSchema;
  documents: DocumentCache;
  shop: ShopRecord;
  grant: AccessGrant;
  request: GraphqlRequest;
  baseUrl: string;
  clock: () => number;
  /** Answer THROTTLED whatever the bucket holds (a fault injected for tests). */
  forceThrottle?: boolean;
  emit?: (event: ProductEvent) => void;
};

export type RunResult = {
  body: Record<string, unknown>;
  operationName: string | null;
  cost: { requested: number; actual: number | null } | null;
};

/** A parsed document, if it parsed, and what was wrong with it. */
type Checked = { document: DocumentNode | null; errors: ShopifyError[] };

/** Parsed and validated documents by query text; apps send the same few queries over and over. */
export class DocumentCache {
  private readonly entries = new Map<string, Checked>();

  constructor(private readonly limit = 500) {}

  check(schema: GraphQLSchema, query: string): Checked {
    const cached = this.entries.get(query);
    if (cached) return cached;

    const checked = parseAndValidate(schema, query);
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(query, checked);
    return checked;
  }
}

function parseAndValidate(schema: GraphQLSchema, query: string): Checked {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    if (error instanceof GraphQLError) return { document: null, errors: [parseError(error)] };
    throw error;
  }
  const errors = validate(schema, document).map((error) => validationError(error, document));
  return { document, errors };
}

/** The name of the operation a request will run, known before it runs (for faults). */
export function operationNameOf(
  schema: GraphQLSchema,
  documents: DocumentCache,
  request: GraphqlRequest,
): string | null {
  if (request.operationName) return request.operationName;
  const { document } = documents.check(schema, request.query);
  return (document && getOperationAST(document)?.name?.value) ?? null;
}

export async function runAdminQuery(input: RunInput): Promise<RunResult> {
  const { schema, shop, request, clock } = input;

  const { document, errors } = input.documents.check(schema, request.query);
  const operation = document && getOperationAST(document, request.operationName ?? undefined);
  const operationName = request.operationName ?? operation?.name?.value ?? null;
  if (!document || errors.length > 0) return { body: { errors }, operationName, cost: null };

  const requested = requestedQueryCost({
    schema,
    document,
    operationName: request.operationName,
    variables: request.variables,
  });
  const costReport = (actual: number | null) => ({
    requestedQueryCost: requested,
    actualQueryCost: actual,
    throttleStatus: throttleStatus(shop.bucket, shop.bucketConfig),
  });
  if (requested > MAX_QUERY_COST) {
    const body = { errors: [maxCostError(requested)], extensions: { cost: costReport(null) } };
    return { body, operationName, cost: { requested, actual: null } };
  }

  const taken = input.forceThrottle
    ? { granted: false, bucket: restore(shop.bucket, shop.bucketConfig, clock()) }
    : take(shop.bucket, shop.bucketConfig, requested, clock());
  shop.bucket = taken.bucket;
  if (!taken.granted) {
    const body = { errors: [throttledError()], extensions: { cost: costReport(null) } };
    return { body, operationName, cost: { requested, actual: null } };
  }

  const context: ResolverContext = {
    shop,
    grant: input.grant,
    baseUrl: input.baseUrl,
    now: clock(),
    actualCost: 0,
    searchReports: [],
    emit: input.emit ?? (() => undefined),
  };
  const result = await executeAdminOperation({
    schema,
    document,
    operationType: operation?.operation ?? "query",
    operationName: request.operationName,
    variables: request.variables,
    context,
  });

  const actual = Math.min(context.actualCost, requested);
  shop.bucket = refund(shop.bucket, shop.bucketConfig, requested - actual, clock());
  const body = {
    ...(result.errors && { errors: result.errors.map((error) => error.toJSON()) }),
    ...("data" in result && { data: result.data }),
    extensions: {
      cost: costReport(actual),
      ...(context.searchReports.length > 0 && { search: context.searchReports }),
    },
  };
  return { body, operationName, cost: { requested, actual } };
}
