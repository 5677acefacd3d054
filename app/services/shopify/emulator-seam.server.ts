import { setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

const SHOP_HOST = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * Maps a request for https://<shop>.myshopify.com/<path> onto the emulator as
 * <emulator>/shop/<shop>.myshopify.com/<path>; any other URL is returned unchanged.
 */
export function emulatorUrlFor(target: string, emulatorUrl: string): string {
  const url = new URL(target);
  if (!SHOP_HOST.test(url.hostname)) return target;

  const base = emulatorUrl.replace(/\/+$/, "");
  return `${base}/shop/${url.hostname}${url.pathname}${url.search}`;
}

/**
 * Sends every Shopify request the library makes to the emulator instead. The URL is validated
 * as loopback and refused in production by the environment schema before this is reached.
 */
export function routeShopifyRequestsTo(emulatorUrl: string): void {
  const fetchFromShopify: typeof fetch = (input, init) => {
    if (input instanceof Request) {
      return fetch(new Request(emulatorUrlFor(input.url, emulatorUrl), input), init);
    }
    return fetch(emulatorUrlFor(input.toString(), emulatorUrl), init);
  };
  setAbstractFetchFunc(fetchFromShopify);
}
