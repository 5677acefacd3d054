import type { ProductRecord } from "../../../fixtures/products";
import type { AccessGrant } from "../../access-tokens";
import type { ShopRecord } from "../../shops";
import type { SearchWarning } from "../product-search";

export type SearchReport = {
  path: ReadonlyArray<string | number>;
  query: string;
  warnings: SearchWarning[];
};

/** Everything a resolver may read for one operation. */
export type ResolverContext = {
  shop: ShopRecord;
  grant: AccessGrant;
  /** The emulator's own origin, for image URLs served by its CDN route. */
  baseUrl: string;
  /** Clock reading (ms) when the operation started. */
  now: number;
  actualCost: number;
  searchReports: SearchReport[];
  /** Tells the outside world (webhooks) that a product changed. */
  emit(event: ProductEvent): void;
};

export type ProductEvent = {
  topic: "products/create" | "products/update" | "products/delete";
  product: ProductRecord;
};

export type Args = Record<string, unknown>;

/**
 * A GraphQL object as the executor sees it: a value per emulated field, or a function of the
 * field's arguments. Fields missing from a view answer "<Type>.<field> is not emulated".
 */
export type View = Record<string, unknown>;

export type Resolver = (args: Args, context: ResolverContext, info: unknown) => unknown;
