import type { RequestHandler } from "express";
import { noteRequest } from "../journal";
import { mintSessionToken } from "../shopify/session-token";
import type { EmulatorState } from "../state";
import { appLaunchUrl } from "./launch-params";
import { framePage, notFoundPage } from "./page";

/** GET /store/:handle/apps/:appHandle/* frames the app the way the Shopify admin does. */
export function adminFrameRoute(state: EmulatorState): RequestHandler {
  return (req, res) => {
    const shopHandle = String(req.params.handle);
    const domain = `${shopHandle}.myshopify.com`;
    noteRequest(res, { kind: "frame", shop: domain });

    const shop = state.shops.get(domain);
    const appHandle = String(req.params.appHandle);
    // The admin also accepts the app's client id in place of its handle.
    const knownApp = appHandle === state.app.handle || appHandle === state.app.apiKey;
    if (!shop || !knownApp) {
      const reason = shop
        ? `No app "${appHandle}" is installed; the emulated app is "${state.app.handle}".`
        : `Store "${shopHandle}" does not exist; create it with POST /__emulator/shops.`;
      res.status(404).type("html").send(notFoundPage(reason));
      return;
    }

    const now = state.clock();
    const query = new URL(req.originalUrl, state.baseUrl).searchParams;
    const idToken = mintSessionToken({
      shop: domain,
      apiKey: state.app.apiKey,
      apiSecret: state.app.apiSecret,
      userId: shop.owner.id,
      sessionId: shop.adminSessionId,
      now,
    });
    let frameSrc: URL;
    try {
      frameSrc = appLaunchUrl({
        app: state.app,
        shopDomain: domain,
        shopHandle,
        rest: String(req.params[0] ?? "").replace(/^\/+|\/+$/g, ""),
        query,
        idToken,
        locale: query.get("locale") ?? "en",
        now,
      });
    } catch {
      res.status(404).type("html").send(notFoundPage("That path is outside the app."));
      return;
    }

    res.set("Cache-Control", "no-store");
    res.type("html").send(
      framePage({
        shop: domain,
        shopName: shop.name,
        appName: state.app.name,
        appOrigin: frameSrc.origin,
        basePath: `/store/${shopHandle}/apps/${appHandle}`,
        frameSrc: frameSrc.href,
      }),
    );
  };
}
