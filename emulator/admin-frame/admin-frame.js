/*
 * The emulated admin's side of App Bridge: answers the stand-in script running in the app's
 * frame (session tokens, toasts, loading bar, navigation menu, save bar, history, redirects)
 * and tells the app to navigate when a menu link is clicked.
 */
(function adminFrame() {
  "use strict";

  const CHANNEL = "shopify-emulator";
  const EMBEDDED_PARAMS = ["embedded", "hmac", "host", "id_token", "locale", "session", "shop"];
  const config = JSON.parse(document.getElementById("frame-config").textContent);
  const frame = document.getElementById("app-frame");
  const nav = document.getElementById("app-nav");
  const homeLink = document.querySelector("nav .app-home");
  const loadingBar = document.getElementById("loading-bar");
  const saveBar = document.getElementById("save-bar");
  const toasts = document.getElementById("toasts");
  const toastElements = new Map();
  const visibleSaveBars = new Set();

  function send(message) {
    frame.contentWindow.postMessage({ channel: CHANNEL, ...message }, config.appOrigin);
  }

  async function freshToken() {
    const response = await fetch("/__emulator/session-tokens", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ shop: config.shop }),
    });
    if (!response.ok) throw new Error(`session token request failed (${response.status})`);
    return (await response.json()).token;
  }

  /* "/app/products?x=1&shop=..." -> "/store/<shop>/apps/<app>/products?x=1" */
  function adminPathFor(appPath) {
    const url = new URL(appPath, config.appOrigin);
    if (!/^\/app(\/|$)/.test(url.pathname)) return null;
    for (const name of EMBEDDED_PARAMS) url.searchParams.delete(name);
    url.searchParams.delete("timestamp");
    return `${config.basePath}${url.pathname.slice(4)}${url.search}`;
  }

  function setCurrent(link, current) {
    if (current) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }

  function markCurrent(appPath) {
    const pathname = new URL(appPath, config.appOrigin).pathname;
    let matched = false;
    for (const link of nav.querySelectorAll("a")) {
      const current = link.dataset.appHref === pathname;
      matched = matched || current;
      setCurrent(link, current);
    }
    setCurrent(homeLink, !matched);
  }

  function showToast({ toastId, message, isError, duration }) {
    const element = document.createElement("div");
    element.className = isError ? "toast error" : "toast";
    element.setAttribute("role", "status");
    element.textContent = message;
    toasts.append(element);
    toastElements.set(toastId, element);
    setTimeout(() => hideToast({ toastId }), typeof duration === "number" ? duration : 5000);
  }

  function hideToast({ toastId }) {
    toastElements.get(toastId)?.remove();
    toastElements.delete(toastId);
  }

  function renderNav({ links, home }) {
    if (home) homeLink.dataset.appHref = home;
    nav.replaceChildren(
      ...links.map(({ href, label }) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.textContent = label;
        link.href = adminPathFor(href) ?? config.basePath;
        link.dataset.appHref = new URL(href, config.appOrigin).pathname;
        item.append(link);
        return item;
      }),
    );
  }

  function navigateApp(event) {
    const link = event.target.closest("a[data-app-href]");
    if (!link) return;
    event.preventDefault();
    send({ type: "navigate", href: link.dataset.appHref });
  }

  function updateSaveBar({ saveBarId, visible }) {
    if (visible) visibleSaveBars.add(saveBarId);
    else visibleSaveBars.delete(saveBarId);
    saveBar.hidden = visibleSaveBars.size === 0;
  }

  function syncHistory({ path }) {
    const adminPath = adminPathFor(path);
    if (adminPath) history.replaceState(null, "", adminPath);
    markCurrent(path);
  }

  /* Maps admin and shop URLs onto the emulator; anything else would leave this machine. */
  function redirect({ url }) {
    const target = new URL(url, config.appOrigin);
    const adminStore = /^\/store\/[^/]+(\/.*)?$/.test(target.pathname);
    if (target.origin === config.appOrigin || target.origin === location.origin) {
      location.assign(target.href);
    } else if (target.hostname === "admin.shopify.com" && adminStore) {
      location.assign(`${target.pathname}${target.search}`);
    } else if (target.hostname.endsWith(".myshopify.com")) {
      location.assign(`/shop/${target.hostname}${target.pathname}${target.search}`);
    } else {
      showToast({
        toastId: `redirect-${Date.now()}`,
        message: `The emulator does not open outside addresses: ${target.href}`,
        isError: true,
      });
    }
  }

  async function answerIdToken({ id }) {
    try {
      send({ type: "id-token:reply", id, token: await freshToken() });
    } catch (error) {
      send({ type: "id-token:reply", id, error: String(error) });
    }
  }

  const handlers = {
    "id-token": answerIdToken,
    "toast:show": showToast,
    "toast:hide": hideToast,
    loading: ({ on }) => {
      loadingBar.hidden = !on;
    },
    "nav-menu": renderNav,
    "save-bar": updateSaveBar,
    history: syncHistory,
    redirect,
  };

  window.addEventListener("message", (event) => {
    if (event.source !== frame.contentWindow || event.origin !== config.appOrigin) return;
    const message = event.data;
    if (!message || message.channel !== CHANNEL) return;
    handlers[message.type]?.(message);
  });

  nav.addEventListener("click", navigateApp);
  homeLink.addEventListener("click", (event) => {
    event.preventDefault();
    send({ type: "navigate", href: homeLink.dataset.appHref ?? "/app" });
  });
  saveBar.addEventListener("click", (event) => {
    const action = event.target.closest("button[data-action]")?.dataset.action;
    if (!action) return;
    for (const saveBarId of visibleSaveBars) send({ type: "save-bar:action", saveBarId, action });
  });
})();
