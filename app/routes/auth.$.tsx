import type { LoaderFunctionArgs } from "@remix-run/node";

import { authenticate } from "~/shopify.server";

// Shopify reserves /auth for its own flows; authenticate.admin answers them (it throws the
// response to send), so reaching the end means there was nothing left to do.
export async function loader({ request }: LoaderFunctionArgs) {
  await authenticate.admin(request);
  return null;
}
