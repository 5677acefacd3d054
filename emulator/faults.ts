/**
 * Faults on demand, so that the app's retry and throttle handling can be tested: forced
 * THROTTLED answers, HTTP error statuses, connection resets and added latency, for one shop or
 * all, one route, optionally one operation, for the next N matching requests, a seeded share
 * of them, or all of them until cleared.
 */
import { z } from "zod";
import { createRandom, type Random } from "./fixtures/prng";

export const FAULT_ROUTES = ["graphql", "token-exchange"] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

export const faultBody = z
  .object({
    kind: z.enum(["throttle", "status", "reset", "latency"]),
    shop: z.string().min(1).optional(),
    route: z.enum(FAULT_ROUTES).default("graphql"),
    operationName: z.string().min(1).optional(),
    /** For "status": the HTTP status answered (default 503). */
    status: z.number().int().min(400).max(599).default(503),
    /** For "status" 429: the Retry-After header, in seconds. */
    retryAfterSeconds: z.number().min(0).optional(),
    /** For "latency": added before the request is handled. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /**
     * For "reset": "before" drops the connection before the request runs (nothing applied);
     * "after" runs it and then drops the connection (applied, answer lost).
     */
    timing: z.enum(["before", "after"]).default("before"),
    count: z.number().int().positive().optional(),
    probability: z.number().min(0).max(1).optional(),
    seed: z.number().int().default(1),
  })
  .refine((body) => body.count === undefined || body.probability === undefined, {
    message: "give count or probability, not both",
    path: ["count"],
  })
  .refine((body) => body.kind !== "throttle" || body.route === "graphql", {
    message: "throttling only applies to the graphql route",
    path: ["route"],
  });

export type FaultInput = z.infer<typeof faultBody>;

export type FaultRule = Omit<FaultInput, "seed" | "count"> & {
  id: number;
  /** Matching requests still to fault; null when the rule is a probability or unlimited. */
  remaining: number | null;
  fired: number;
};

type ActiveRule = { rule: FaultRule; random: Random | null };

export type FaultTarget = { route: FaultRoute; shop: string; operationName: string | null };

export type DrawnFaults = {
  latencyMs: number;
  fault: FaultRule | null;
};

export class FaultRules {
  private rules: ActiveRule[] = [];
  private nextId = 1;

  add(input: FaultInput): FaultRule {
    const { seed, count, ...rest } = input;
    const rule: FaultRule = { ...rest, id: this.nextId, remaining: count ?? null, fired: 0 };
    this.nextId += 1;
    this.rules.push({ rule, random: input.probability === undefined ? null : createRandom(seed) });
    return rule;
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule }) => ({ ...rule }));
  }

  remove(id: number): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter(({ rule }) => rule.id !== id);
    return this.rules.length < before;
  }

  clear(shop?: string): void {
    this.rules = shop === undefined ? [] : this.rules.filter(({ rule }) => rule.shop !== shop);
  }

  /** Which faults hit this request: all matching latency, then the first other rule that fires. */
  draw(target: FaultTarget): DrawnFaults {
    let latencyMs = 0;
    let fault: FaultRule | null = null;
    for (const active of this.rules) {
      const { rule } = active;
      if (!matches(rule, target)) continue;
      if (rule.kind === "latency") {
        if (fires(active)) latencyMs += rule.latencyMs;
      } else if (!fault && fires(active)) {
        fault = rule;
      }
    }
    this.rules = this.rules.filter(({ rule }) => rule.remaining !== 0);
    return { latencyMs, fault };
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  return (
    rule.route === target.route &&
    (rule.shop === undefined || rule.shop === target.shop) &&
    (rule.operationName === undefined || rule.operationName === target.operationName)
  );
}

function fires(active: ActiveRule): boolean {
  const { rule, random } = active;
  if (rule.remaining === 0) return false;
  if (random && !random.chance(rule.probability ?? 0)) return false;
  if (rule.remaining !== null) rule.remaining -= 1;
  rule.fired += 1;
  return true;
}

export function describeFault(rule: FaultRule): string {
  if (rule.kind === "status") return `status ${rule.status}`;
  if (rule.kind === "reset") return `reset ${rule.timing}`;
  return rule.kind;
}

export function pause(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
