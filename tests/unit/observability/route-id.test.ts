import type { ServerBuild } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { routeIdFor } from "~/observability/route-id.server";

function route(id: string, parentId: string | undefined, extra: Record<string, unknown> = {}) {
  return { id, parentId, module: {}, ...extra };
}

// The shape of Remix's flat routes: ids name files, paths are relative to the parent.
const ROUTES = {
  root: route("root", undefined, { path: "" }),
  "routes/_index": route("routes/_index", "root", { index: true }),
  "routes/app": route("routes/app", "root", { path: "app" }),
  "routes/app._index": route("routes/app._index", "routes/app", { index: true }),
  "routes/app.products.$id": route("routes/app.products.$id", "routes/app", {
    path: "products/:id",
  }),
  "routes/api.trpc.$": route("routes/api.trpc.$", "root", { path: "api/trpc/*" }),
  "routes/webhooks.app.uninstalled": route("routes/webhooks.app.uninstalled", "root", {
    path: "webhooks/app/uninstalled",
  }),
} as unknown as ServerBuild["routes"];

describe("routeIdFor", () => {
  it.each([
    ["/", "routes/_index"],
    ["/app", "routes/app._index"],
    ["/app/", "routes/app._index"],
    ["/app/products/42", "routes/app.products.$id"],
    ["/api/trpc/shop.info,seo.list", "routes/api.trpc.$"],
    ["/webhooks/app/uninstalled", "routes/webhooks.app.uninstalled"],
  ])("names %s after %s", (path, id) => {
    expect(routeIdFor(ROUTES, path)).toBe(id);
  });

  it("names nothing for a path no route serves", () => {
    expect(routeIdFor(ROUTES, "/assets/entry.client-abc.js")).toBeUndefined();
  });
});
