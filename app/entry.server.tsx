import { PassThrough } from "node:stream";

import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleErrorFunction,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { env } from "~/env.server";
import { addDocumentResponseHeaders } from "~/shopify.server";

export { runtime } from "~/runtime.server";

const STREAM_TIMEOUT_MS = 5_000;

/**
 * Shopify's document headers allow framing only by the shop's admin and preload App Bridge from
 * Shopify's CDN. In emulator mode the admin frame is the emulator's own page and App Bridge is
 * its stand-in, so both headers point there instead.
 */
function adaptHeadersToEmulator(headers: Headers) {
  if (!env.SHOPIFY_EMULATOR_URL) return;

  const policy = headers.get("Content-Security-Policy");
  if (policy) {
    const origin = new URL(env.SHOPIFY_EMULATOR_URL).origin;
    headers.set(
      "Content-Security-Policy",
      policy.replace("frame-ancestors", `frame-ancestors ${origin}`),
    );
  }
  if (env.APP_BRIDGE_URL && headers.has("Link")) {
    headers.set("Link", `<${env.APP_BRIDGE_URL}>; rel="preload"; as="script";`);
  }
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  adaptHeadersToEmulator(responseHeaders);
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={STREAM_TIMEOUT_MS} />,
      {
        [readyEvent]: () => {
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError: reject,
        onError: (error: unknown) => {
          responseStatusCode = 500;
          loadContext.log.error({ err: error }, "rendering failed");
        },
      },
    );
    setTimeout(abort, STREAM_TIMEOUT_MS + 1_000);
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  context.log.error({ err: error }, "request failed");
};
