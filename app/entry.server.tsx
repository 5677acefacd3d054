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
 * Shopify's headers forbid framing by anything but the shop's admin; in emulator mode the
 * emulator's own origin hosts the admin frame, so it is added to frame-ancestors.
 */
function allowEmulatorFrame(headers: Headers) {
  const policy = headers.get("Content-Security-Policy");
  if (!env.SHOPIFY_EMULATOR_URL || !policy) return;

  const origin = new URL(env.SHOPIFY_EMULATOR_URL).origin;
  headers.set(
    "Content-Security-Policy",
    policy.replace("frame-ancestors", `frame-ancestors ${origin}`),
  );
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  addDocumentResponseHeaders(request, responseHeaders);
  allowEmulatorFrame(responseHeaders);
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
