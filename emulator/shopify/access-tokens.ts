import { randomBytes } from "node:crypto";

export type AccessGrant = {
  token: string;
  shop: string;
  kind: "offline" | "online";
  scopes: string[];
  /** Clock reading (ms) after which the token stops working; null for non-expiring tokens. */
  expiresAt: number | null;
  userId: number | null;
};

export type RefreshGrant = {
  token: string;
  shop: string;
  scopes: string[];
  expiresAt: number;
};

export type GrantInput = Omit<AccessGrant, "token">;

// Shopify's own token prefixes, so log redaction rules written for real tokens apply here too.
const PREFIX = { offline: "shpat_", online: "shpua_", refresh: "shprt_" } as const;

function randomToken(prefix: string): string {
  return `${prefix}${randomBytes(16).toString("hex")}`;
}

/** Access and refresh tokens handed out by one emulator, with the scopes each one grants. */
export class AccessTokenStore {
  private readonly grants = new Map<string, AccessGrant>();
  private readonly refreshGrants = new Map<string, RefreshGrant>();

  create(input: GrantInput): AccessGrant {
    const grant = { ...input, token: randomToken(PREFIX[input.kind]) };
    this.grants.set(grant.token, grant);
    return grant;
  }

  createRefresh(input: Omit<RefreshGrant, "token">): RefreshGrant {
    const grant = { ...input, token: randomToken(PREFIX.refresh) };
    this.refreshGrants.set(grant.token, grant);
    return grant;
  }

  /** A grant usable for `shop` at `now`, or undefined. */
  find(token: string, shop: string, now: number): AccessGrant | undefined {
    const grant = this.grants.get(token);
    if (!grant || grant.shop !== shop) return undefined;
    if (grant.expiresAt !== null && grant.expiresAt <= now) return undefined;
    return grant;
  }

  /** Refresh tokens work once: using one retires it. */
  useRefresh(token: string, shop: string, now: number): RefreshGrant | undefined {
    const grant = this.refreshGrants.get(token);
    if (!grant || grant.shop !== shop || grant.expiresAt <= now) return undefined;
    this.refreshGrants.delete(token);
    return grant;
  }

  revokeShop(shop: string): void {
    for (const [token, grant] of this.grants) if (grant.shop === shop) this.grants.delete(token);
    for (const [token, grant] of this.refreshGrants) {
      if (grant.shop === shop) this.refreshGrants.delete(token);
    }
  }

  clear(): void {
    this.grants.clear();
    this.refreshGrants.clear();
  }
}
