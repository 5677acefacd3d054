import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startTestEmulator, type TestEmulator } from "./emulator-client";

const SHOP = "twin-test.myshopify.com";

let first: TestEmulator;
let second: TestEmulator;

beforeAll(async () => {
  [first, second] = await Promise.all([
    startTestEmulator({ shops: [{ domain: SHOP, name: "First Twin", products: 3 }] }),
    startTestEmulator({ shops: [{ domain: SHOP, name: "Second Twin", products: 8 }] }),
  ]);
});

afterAll(async () => {
  await Promise.all([first?.close(), second?.close()]);
});

describe("two emulators in one process", () => {
  it("listen on different ports", () => {
    expect(first.url).not.toBe(second.url);
  });

  it("keep their own shops, tokens and journals", async () => {
    const firstToken = await first.offlineToken(SHOP);
    const secondToken = await second.offlineToken(SHOP);

    const firstShop = await first.graphql(SHOP, firstToken, "{ shop { name } }");
    const secondShop = await second.graphql(SHOP, secondToken, "{ shop { name } }");
    const crossed = await second.graphql(SHOP, firstToken, "{ shop { name } }");

    expect(firstShop.body.data.shop.name).toBe("First Twin");
    expect(secondShop.body.data.shop.name).toBe("Second Twin");
    expect(crossed.status).toBe(401);

    await first.json("/__emulator/journal", { method: "DELETE" });
    expect(await first.journal({ kind: "graphql" })).toEqual([]);
    expect(await second.journal({ kind: "graphql" })).toHaveLength(2);
  });

  it("refuse each other's session tokens (different app secrets)", async () => {
    const foreign = await first.sessionToken(SHOP);

    const response = await second.tokenRequest(SHOP, {
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token: foreign,
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    });

    expect(response.body.error).toBe("invalid_subject_token");
  });
});
