import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeApp = {
  url: string;
  /** Authorization headers received by /api/*, in order. */
  authorizations: Array<string | undefined>;
  close(): Promise<void>;
};

function appPage(apiKey: string, appBridgeUrl: string, path: string): string {
  return `<!doctype html>
<html>
<head>
<meta name="shopify-api-key" content="${apiKey}">
<script src="${appBridgeUrl}"></script>
</head>
<body>
<h1 id="page">${path}</h1>
<ui-nav-menu>
  <a href="/app" rel="home">Home</a>
  <a href="/app/products">Products</a>
  <a href="/app/settings">Settings</a>
</ui-nav-menu>
<ui-save-bar id="seo-save-bar">
  <button variant="primary" id="save">Save</button>
  <button id="discard">Discard</button>
</ui-save-bar>
<output id="log"></output>
<script>
  window.__remixContext = {};
  window.addEventListener("shopify:navigate", (event) => {
    const href = event.target.getAttribute("href");
    history.pushState(null, "", href);
    document.getElementById("page").textContent = href;
  });
  for (const id of ["save", "discard"]) {
    document.getElementById(id).addEventListener("click", () => {
      document.getElementById("log").textContent = id;
    });
  }
</script>
</body>
</html>`;
}

/**
 * A minimal embedded app: pages that load App Bridge like AppProvider does and listen for
 * `shopify:navigate` the same way, an API that wants a session token and asks for a retry once,
 * and the bounce page shopify-app-remix renders.
 */
export async function startFakeApp(apiKey: string, emulatorUrl: () => string): Promise<FakeApp> {
  const authorizations: Array<string | undefined> = [];
  let flakyCalls = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const appBridgeUrl = `${emulatorUrl()}/app-bridge.js`;
    const html = (body: string) => res.writeHead(200, { "Content-Type": "text/html" }).end(body);

    if (url.pathname.startsWith("/api/")) {
      authorizations.push(req.headers.authorization);
      flakyCalls += url.pathname === "/api/flaky" ? 1 : 0;
      if (url.pathname === "/api/flaky" && flakyCalls === 1) {
        res.writeHead(401, { "X-Shopify-Retry-Invalid-Session-Request": "1" }).end();
        return;
      }
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ authorization: req.headers.authorization ?? null }));
    } else if (url.pathname === "/auth/session-token") {
      html(`<script data-api-key="${apiKey}" src="${appBridgeUrl}"></script>`);
    } else if (url.pathname === "/app" || url.pathname.startsWith("/app/")) {
      html(appPage(apiKey, appBridgeUrl, url.pathname));
    } else {
      res.writeHead(404).end();
    }
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
