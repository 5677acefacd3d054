import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  ID_TOKEN,
  OFFLINE,
  TOKEN_EXCHANGE,
  startTestEmulator,
  type TestEmulator,
} from "./emulator-client";

const SHOP = "faults.myshopify.com";
const QUERY = "query ShopName { shop { name } }";

let emulator: TestEmulator;
let token: string;

beforeAll(async () => {
  emulator = await startTestEmulator({ shops: [{ domain: SHOP, products: 2 }] });
  token = await emulator.offlineToken(SHOP);
});

beforeEach(async () => {
  await emulator.json("/__emulator/faults", { method: "DELETE" });
});

afterAll(async () => {
  await emulator?.close();
});

function addFault(fault: Record<string, unknown>) {
  return emulator.json("/__emulator/faults", { method: "POST", body: JSON.stringify(fault) });
}

describe("faults", () => {
  it("answer THROTTLED with the bucket's status for the next N requests", async () => {
    const added = await addFault({ shop: SHOP, kind: "throttle", count: 2 });
    expect(added.status).toBe(201);

    const answers = [];
    for (let index = 0; index < 3; index += 1) {
      answers.push((await emulator.graphql(SHOP, token, QUERY)).body);
    }

    expect(answers.map((body) => body.errors?.[0]?.extensions.code ?? "ok")).toEqual([
      "THROTTLED",
      "THROTTLED",
      "ok",
    ]);
    expect(answers[0].extensions.cost).toMatchObject({
      requestedQueryCost: 1,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000 },
    });
  });

  it("answer an HTTP error status, with Retry-After when asked", async () => {
    await addFault({ shop: SHOP, kind: "status", status: 429, retryAfterSeconds: 2, count: 1 });

    const answer = await emulator.graphql(SHOP, token, QUERY);

    expect(answer.status).toBe(429);
    expect(answer.headers.get("Retry-After")).toBe("2");
  });

  it("reset the connection and journal it with status 0", async () => {
    await emulator.json("/__emulator/journal", { method: "DELETE" });
    await addFault({ shop: SHOP, kind: "reset", operationName: "ShopName", count: 1 });

    const failure = await emulator.graphql(SHOP, token, QUERY).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(TypeError);
    expect(((failure as TypeError).cause as { code?: string }).code).toBe("ECONNRESET");
    const entries = await emulator.journal({ kind: "graphql" });
    expect(entries).toEqual([
      expect.objectContaining({ status: 0, fault: "reset before", operationName: "ShopName" }),
    ]);
  });

  it("add latency", async () => {
    await addFault({ shop: SHOP, kind: "latency", latencyMs: 150 });

    const started = performance.now();
    await emulator.graphql(SHOP, token, QUERY);

    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("fault the token exchange too", async () => {
    await addFault({ shop: SHOP, kind: "status", route: "token-exchange", status: 503, count: 1 });
    const exchange = async () =>
      emulator.tokenRequest(SHOP, {
        grant_type: TOKEN_EXCHANGE,
        subject_token: await emulator.sessionToken(SHOP),
        subject_token_type: ID_TOKEN,
        requested_token_type: OFFLINE,
      });

    expect((await exchange()).status).toBe(503);
    expect((await exchange()).body.access_token).toMatch(/^shpat_/);
  });

  it("are listed, removed one by one and refused when contradictory", async () => {
    const { body } = await addFault({ kind: "reset", probability: 0.5, seed: 3 });
    const listed = await emulator.json("/__emulator/faults");
    const removed = await emulator.json(`/__emulator/faults/${body.fault.id}`, {
      method: "DELETE",
    });
    const refused = await addFault({ kind: "reset", probability: 0.5, count: 3 });

    expect(listed.body.faults).toEqual([
      expect.objectContaining({ kind: "reset", probability: 0.5, remaining: null, fired: 0 }),
    ]);
    expect(removed.status).toBe(204);
    expect(refused.status).toBe(400);
  });
});
