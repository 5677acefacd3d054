import { PassThrough } from "node:stream";

import {
  createReadableStreamFromReadable,
  type AppLoadContext,
  type EntryContext,
  type HandleErrorFunction,
} from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import * as Sentry from "@sentry/remix";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";

import { env } from "~/env.server";
import { addDocumentResponseHeaders } from "~/shopify.server";

export { runtime } from "~/runtime.server";
export { requestObservability } from "~/observability/request.server";

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

/**
 * Remix renders a loader's or action's error as a stand-in without message or stack. An error
 * boundary that rethrows it (Shopify's does for anything but a Response) fails the render with
 * it, but the real error has already gone through handleError and been reported there.
 */
function isStandInForReportedError(error: unknown): boolean {
  return error instanceof Error && error.message === "Unexpected Server Error" && !error.stack;
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
          if (isStandInForReportedError(error)) {
            loadContext.log.warn({ err: error }, "an error boundary rethrew a reported error");
            return;
          }
          loadContext.log.error(
            { err: error, component: "remix", operation: "render" },
            "rendering failed",
          );
        },
      },
    );
    setTimeout(abort, STREAM_TIMEOUT_MS + 1_000);
  });
}

/**
 * A loader, action or render failed. The log line sends the error to Sentry tagged with where it
 * happened; Sentry's own handler then adds nothing, as it skips an error already sent.
 */
export const handleError: HandleErrorFunction = (error, args) => {
  const { request, context } = args;
  if (request.signal.aborted) return;
  if (isStandInForReportedError(error)) {
    context.log.warn({ err: error }, "an error boundary rethrew a reported error");
    return;
  }
  const operation = request.method === "GET" || request.method === "HEAD" ? "loader" : "action";
  context.log.error({ err: error, component: "remix", operation }, "request failed");
  Sentry.sentryHandleError(error, args);
};
