/** The HTML of the emulated admin: a top bar, the app's navigation, toasts, a save bar. */

export type FramePageConfig = {
  shop: string;
  shopName: string;
  appName: string;
  appOrigin: string;
  /** The admin path of the app, e.g. /store/demo/apps/searchlight-seo. */
  basePath: string;
  frameSrc: string;
};

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

const STYLES = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 -apple-system, "Segoe UI", Roboto, sans-serif;
    background: #f1f1f1; color: #303030; height: 100vh; display: flex; flex-direction: column; }
  .top-bar { display: flex; align-items: center; justify-content: space-between; gap: 16px;
    height: 56px; padding: 0 16px; background: #1a1a1a; color: #e3e3e3; }
  .top-bar .brand { font-weight: 600; }
  .top-bar .badge { font-size: 12px; padding: 2px 8px; border-radius: 8px; background: #4a4a4a; }
  .layout { flex: 1; display: flex; min-height: 0; }
  nav { width: 240px; padding: 12px 8px; background: #ebebeb; overflow-y: auto; }
  nav a { display: block; padding: 6px 10px; border-radius: 8px; color: inherit;
    text-decoration: none; }
  nav a:hover { background: #e0e0e0; }
  nav a[aria-current="page"] { background: #fafafa; font-weight: 600; }
  nav .app-home { font-weight: 600; }
  nav ul { list-style: none; margin: 4px 0 0 12px; padding: 0; }
  main { flex: 1; display: flex; flex-direction: column; min-width: 0; position: relative; }
  .loading { position: absolute; top: 0; left: 0; right: 0; height: 3px; background: #2c6ecb; }
  .save-bar { display: flex; align-items: center; justify-content: space-between;
    padding: 10px 16px; background: #303030; color: #fff; }
  .save-bar button { margin-left: 8px; padding: 6px 12px; border-radius: 8px; border: 0;
    cursor: pointer; }
  .save-bar button[data-action="save"] { background: #fff; color: #303030; font-weight: 600; }
  iframe { flex: 1; width: 100%; border: 0; background: #fff; }
  .toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%);
    display: flex; flex-direction: column; gap: 8px; align-items: center; }
  .toast { padding: 10px 16px; border-radius: 10px; background: #1a1a1a; color: #fff; }
  .toast.error { background: #8e1f0b; }
  [hidden] { display: none !important; }
`;

export function framePage(config: FramePageConfig): string {
  const title = `${config.appName} · ${config.shopName} · Shopify admin emulator`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header class="top-bar">
  <span class="brand">Shopify admin <span class="badge">emulator</span></span>
  <span class="shop-name" data-testid="shop-name">${escapeHtml(config.shopName)}</span>
</header>
<div class="layout">
  <nav aria-label="App navigation">
    <a class="app-home" href="${escapeHtml(config.basePath)}">${escapeHtml(config.appName)}</a>
    <ul id="app-nav"></ul>
  </nav>
  <main>
    <div id="loading-bar" class="loading" role="progressbar" aria-label="Loading" hidden></div>
    <div id="save-bar" class="save-bar" role="region" aria-label="Save bar" hidden>
      <span>Unsaved changes</span>
      <span>
        <button type="button" data-action="discard">Discard</button>
        <button type="button" data-action="save">Save</button>
      </span>
    </div>
    <iframe id="app-frame" title="${escapeHtml(config.appName)}"
      src="${escapeHtml(config.frameSrc)}"></iframe>
  </main>
</div>
<div id="toasts" class="toasts" aria-live="polite"></div>
<script type="application/json" id="frame-config">${scriptJson(config)}</script>
<script src="/admin-frame.js"></script>
</body>
</html>
`;
}

export function notFoundPage(message: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Not found · Shopify admin emulator</title></head>
<body><h1>Not found</h1><p>${escapeHtml(message)}</p></body>
</html>
`;
}
