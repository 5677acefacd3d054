/*
 * App Bridge stand-in for the Shopify emulator. Loaded instead of
 * https://cdn.shopify.com/shopifycloud/app-bridge.js (APP_BRIDGE_URL on the server, the
 * __APP_BRIDGE_URL prop of AppProvider), it gives the app the `shopify` global it uses and
 * talks to the emulated admin around the frame with postMessage.
 *
 * Implemented: config, environment, idToken(), toast, loading(), saveBar, fetch with the
 * session token (and one retry on X-Shopify-Retry-Invalid-Session-Request), <ui-nav-menu>,
 * <ui-save-bar>, the `shopify:navigate` event, history sync, the `shopify-reload` bounce and
 * window.open(url, "_top"). Everything else throws "not implemented by the emulator".
 */
(function appBridgeStandIn() {
  "use strict";

  if (window.shopify) return;

  const CHANNEL = "shopify-emulator";
  const TOKEN_MARGIN_SECONDS = 10;
  const REQUEST_TIMEOUT_MS = 10000;

  const script = document.currentScript;
  const adminOrigin = script ? new URL(script.src).origin : location.origin;
  const embedded = window.parent !== window;
  const params = new URLSearchParams(location.search);

  /* Remembered across in-app navigations, which drop the launch parameters from the URL. */
  function launchParam(name, fallback) {
    const key = `shopify-emulator:${name}`;
    const value = params.get(name);
    try {
      if (value) sessionStorage.setItem(key, value);
      return value || sessionStorage.getItem(key) || fallback;
    } catch {
      return value || fallback; // storage can be blocked for framed pages
    }
  }

  const apiKeyMeta = document.querySelector('meta[name="shopify-api-key"]');
  const config = Object.freeze({
    apiKey: apiKeyMeta?.content || script?.dataset.apiKey || "",
    shop: launchParam("shop", ""),
    host: launchParam("host", ""),
    locale: launchParam("locale", navigator.language || "en"),
    appOrigins: [],
  });

  /* ---- messages to and from the admin frame ---- */

  const pending = new Map();
  let nextRequestId = 1;

  function post(message) {
    if (embedded) window.parent.postMessage({ channel: CHANNEL, ...message }, adminOrigin);
  }

  function ask(type) {
    if (!embedded) {
      return Promise.reject(new Error("App Bridge is not running inside the emulated admin"));
    }
    const id = nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the emulated admin did not answer ${type}`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, { resolve, reject, timer });
      post({ type, id });
    });
  }

  function settle(message) {
    const request = pending.get(message.id);
    if (!request) return;
    pending.delete(message.id);
    clearTimeout(request.timer);
    if (message.error) request.reject(new Error(message.error));
    else request.resolve(message);
  }

  /* ---- session tokens ---- */

  function secondsLeft(token) {
    try {
      const payload = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      return JSON.parse(atob(payload)).exp - Date.now() / 1000;
    } catch {
      return 0;
    }
  }

  let cachedToken = params.get("id_token");

  async function idToken(forceFresh = false) {
    if (!forceFresh && cachedToken && secondsLeft(cachedToken) > TOKEN_MARGIN_SECONDS) {
      return cachedToken;
    }
    cachedToken = (await ask("id-token")).token;
    return cachedToken;
  }

  /* ---- redirects that leave the app frame ---- */

  function redirectOutside(url) {
    post({ type: "redirect", url: new URL(url, location.href).href });
  }

  const originalOpen = window.open.bind(window);
  window.open = function open(url, target, features) {
    if (embedded && (target === "_top" || target === "_parent")) {
      redirectOutside(String(url));
      return null;
    }
    return originalOpen(url, target, features);
  };

  /* ---- fetch with the session token ---- */

  const RETRY_HEADER = "X-Shopify-Retry-Invalid-Session-Request";
  const REAUTHORIZE_HEADER = "X-Shopify-API-Request-Failure-Reauthorize-Url";
  const originalFetch = window.fetch.bind(window);

  async function sendWithToken(request, forceFresh) {
    const headers = new Headers(request.headers);
    headers.set("Authorization", `Bearer ${await idToken(forceFresh)}`);
    return originalFetch(new Request(request.clone(), { headers }));
  }

  window.fetch = async function fetch(input, init) {
    const request = new Request(input, init);
    const sameOrigin = new URL(request.url).origin === location.origin;
    const untouched = !embedded || !sameOrigin || request.headers.has("Authorization");
    if (untouched) return originalFetch(request);

    let response = await sendWithToken(request, false);
    if (response.status === 401 && response.headers.get(RETRY_HEADER) === "1") {
      response = await sendWithToken(request, true);
    }
    const reauthorizeUrl = response.headers.get(REAUTHORIZE_HEADER);
    if (reauthorizeUrl) {
      const target = new URL(reauthorizeUrl, location.href);
      if (target.origin === location.origin) location.assign(target.href);
      else redirectOutside(target.href);
    }
    return response;
  };

  /* ---- the shopify global ---- */

  let nextToastId = 1;

  function showSaveBar(id, visible) {
    const element = document.getElementById(id);
    if (element instanceof SaveBarElement) {
      return visible ? element.show() : element.hide();
    }
    post({ type: "save-bar", saveBarId: id, visible });
    return Promise.resolve();
  }

  const api = {
    config,
    origin: adminOrigin,
    ready: Promise.resolve(),
    environment: Object.freeze({ embedded, mobile: false, pos: false }),
    idToken: () => idToken(false),
    toast: {
      show(message, options = {}) {
        const toastId = `toast-${nextToastId++}`;
        post({
          type: "toast:show",
          toastId,
          message: String(message),
          isError: Boolean(options.isError),
          duration: options.duration,
        });
        return toastId;
      },
      hide(toastId) {
        post({ type: "toast:hide", toastId });
      },
    },
    loading(isLoading = true) {
      post({ type: "loading", on: Boolean(isLoading) });
    },
    saveBar: {
      show: (id) => showSaveBar(id, true),
      hide: (id) => showSaveBar(id, false),
      toggle(id) {
        const element = document.getElementById(id);
        const showing = element instanceof SaveBarElement && element.showing;
        return showSaveBar(id, !showing);
      },
    },
  };

  /* Names React or promise helpers probe for must not throw. */
  const QUIET = new Set(["then", "toJSON", "$$typeof", "constructor"]);

  window.shopify = new Proxy(api, {
    get(target, name) {
      if (name in target) return target[name];
      if (typeof name === "symbol" || QUIET.has(name)) return undefined;
      throw new Error(`shopify.${String(name)} is not implemented by the emulator`);
    },
  });

  /* ---- <ui-nav-menu> ---- */

  class NavMenuElement extends HTMLElement {
    connectedCallback() {
      this.observer = new MutationObserver(() => this.report());
      this.observer.observe(this, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
      this.report();
    }

    disconnectedCallback() {
      this.observer?.disconnect();
      post({ type: "nav-menu", links: [], home: null });
    }

    report() {
      const anchors = [...this.querySelectorAll("a[href]")];
      const home = anchors.find((anchor) => anchor.getAttribute("rel") === "home");
      post({
        type: "nav-menu",
        home: home ? home.getAttribute("href") : null,
        links: anchors
          .filter((anchor) => anchor !== home)
          .map((anchor) => ({
            href: anchor.getAttribute("href"),
            label: anchor.textContent.trim(),
          })),
      });
    }
  }

  /* ---- <ui-save-bar> ---- */

  class SaveBarElement extends HTMLElement {
    constructor() {
      super();
      this.isShowing = false;
      this.discardConfirmation = false;
    }

    get showing() {
      return this.isShowing;
    }

    setShowing(visible) {
      if (this.isShowing === visible) return Promise.resolve();
      this.isShowing = visible;
      post({ type: "save-bar", saveBarId: this.id, visible });
      this.dispatchEvent(new Event(visible ? "show" : "hide"));
      return Promise.resolve();
    }

    show() {
      return this.setShowing(true);
    }

    hide() {
      return this.setShowing(false);
    }

    toggle() {
      return this.setShowing(!this.isShowing);
    }

    disconnectedCallback() {
      this.hide();
    }

    press(action) {
      const selector = action === "save" ? 'button[variant="primary"]' : "button:not([variant])";
      this.querySelector(selector)?.click();
    }
  }

  const style = document.createElement("style");
  style.textContent = "ui-nav-menu, ui-save-bar { display: none !important; }";
  document.head.append(style);
  if (!customElements.get("ui-nav-menu")) customElements.define("ui-nav-menu", NavMenuElement);
  if (!customElements.get("ui-save-bar")) customElements.define("ui-save-bar", SaveBarElement);

  /* ---- navigation requested by the admin ---- */

  /*
   * AppProvider from @shopify/shopify-app-remix listens for `shopify:navigate` on window and
   * navigates to the `href` attribute of the event's target, so the event starts at a link.
   */
  function navigate(href) {
    const menuLink = [...document.querySelectorAll("ui-nav-menu a[href]")].find(
      (anchor) => anchor.getAttribute("href") === href,
    );
    const link = menuLink ?? document.createElement("a");
    if (!menuLink) {
      link.setAttribute("href", href);
      link.hidden = true;
      document.body.append(link);
    }
    link.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true, composed: true }));
    if (!menuLink) link.remove();
    if (!window.__remixContext && !window.__reactRouterContext) location.assign(href);
  }

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || event.origin !== adminOrigin) return;
    const message = event.data;
    if (!message || message.channel !== CHANNEL) return;

    if (message.type === "id-token:reply") settle(message);
    if (message.type === "navigate") navigate(message.href);
    if (message.type === "save-bar:action") {
      const element = document.getElementById(message.saveBarId);
      if (element instanceof SaveBarElement) element.press(message.action);
    }
  });

  /* ---- history sync ---- */

  function reportLocation() {
    post({ type: "history", path: `${location.pathname}${location.search}` });
  }

  for (const method of ["pushState", "replaceState"]) {
    const original = history[method].bind(history);
    history[method] = function patchedHistory(...args) {
      const result = original(...args);
      reportLocation();
      return result;
    };
  }
  window.addEventListener("popstate", reportLocation);
  reportLocation();

  /* ---- the bounce: reload the page with a fresh session token ---- */

  /*
   * shopify-app-remix sends document requests without a valid token to its bounce route
   * (/auth/session-token) with the page to return to in the `shopify-reload` search parameter.
   */
  async function bounce(target) {
    const url = new URL(target, location.href);
    if (url.origin !== location.origin) {
      throw new Error(`refusing to reload a page on another origin: ${url.href}`);
    }
    url.searchParams.set("id_token", await idToken(true));
    location.assign(url.href);
  }

  function reloadTarget() {
    const meta = document.querySelector('meta[name="shopify-reload"]');
    return params.get("shopify-reload") || meta?.content || null;
  }

  function bounceIfAsked() {
    const target = reloadTarget();
    if (!target) return false;
    bounce(target).catch((error) => api.toast.show(error.message, { isError: true }));
    return true;
  }

  if (!bounceIfAsked() && document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", bounceIfAsked);
  }
})();
