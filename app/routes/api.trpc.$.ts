import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { authenticate } from "~/shopify.server";
import { createContext } from "~/trpc/context.server";
import { ShopifyResponseError } from "~/trpc/shopify-response.server";
import { appRouter } from "~/trpc/root.server";

/**
 * tRPC over Remix. Authentication happens before tRPC sees the request: a Response thrown by
 * authenticate.admin (401 with the retry header, a bounce or a redirect) is Shopify's answer
 * and must reach the browser exactly as it is, which it would not from inside a procedure. The
 * same holds for a Response Shopify's client throws during a procedure (see ShopifyResponseError).
 */
async function handleTrpc({ request, context }: LoaderFunctionArgs | ActionFunctionArgs) {
  const auth = await authenticate.admin(request);
  let shopifyAnswer: Response | undefined;

  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: () => createContext(auth, context.log),
    onError({ error, path }) {
      const log = context.log.child({ procedure: path, shop: auth.session.shop });
      if (error.cause instanceof ShopifyResponseError) {
        shopifyAnswer = error.cause.response;
        log.info({ status: shopifyAnswer.status }, "Shopify refused the session; page will retry");
      } else if (error.code === "INTERNAL_SERVER_ERROR" || error.code === "BAD_GATEWAY") {
        log.error({ err: error.cause ?? error }, "procedure failed");
      } else {
        log.warn({ code: error.code, reason: error.message }, "procedure refused");
      }
    },
  });

  return shopifyAnswer ?? response;
}

export const loader = handleTrpc;
export const action = handleTrpc;
