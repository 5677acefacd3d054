import { describe, expect, it } from "vitest";

import { FaultRules, faultBody } from "../../../emulator/faults";

const SHOP = "faulty.myshopify.com";
const target = { route: "graphql" as const, shop: SHOP, operationName: "ProductSeoUpdate" };

function rules(...inputs: unknown[]): FaultRules {
  const faults = new FaultRules();
  for (const input of inputs) faults.add(faultBody.parse(input));
  return faults;
}

describe("fault rules", () => {
  it("fault the next N matching requests, then stop", () => {
    const faults = rules({ kind: "status", status: 502, count: 2, shop: SHOP });

    const drawn = [1, 2, 3].map(() => faults.draw(target).fault?.status ?? null);

    expect(drawn).toEqual([502, 502, null]);
    expect(faults.list()).toEqual([]);
  });

  it("match on shop, route and operation", () => {
    const faults = rules(
      { kind: "reset", shop: "other.myshopify.com" },
      { kind: "throttle", operationName: "ProductsPage" },
      { kind: "reset", route: "token-exchange" },
    );

    expect(faults.draw(target).fault).toBeNull();
    expect(faults.draw({ ...target, operationName: "ProductsPage" }).fault?.kind).toBe("throttle");
  });

  it("hit a seeded share of requests, the same ones on every run", () => {
    const draw = () => {
      const faults = rules({ kind: "reset", probability: 0.25, seed: 42 });
      return Array.from({ length: 400 }, () => faults.draw(target).fault !== null);
    };

    const first = draw();
    const hits = first.filter(Boolean).length;

    expect(draw()).toEqual(first);
    expect(hits).toBeGreaterThan(70);
    expect(hits).toBeLessThan(130);
  });

  it("add every matching latency and apply the first other fault that fires", () => {
    const faults = rules(
      { kind: "latency", latencyMs: 30 },
      { kind: "status", status: 500, count: 1 },
      { kind: "latency", latencyMs: 20 },
      { kind: "throttle" },
    );

    expect(faults.draw(target)).toMatchObject({ latencyMs: 50, fault: { kind: "status" } });
    expect(faults.draw(target)).toMatchObject({ latencyMs: 50, fault: { kind: "throttle" } });
  });

  it("refuse a count and a probability together, and throttling outside GraphQL", () => {
    expect(faultBody.safeParse({ kind: "reset", count: 1, probability: 0.5 }).success).toBe(false);
    expect(faultBody.safeParse({ kind: "throttle", route: "token-exchange" }).success).toBe(false);
  });
});
