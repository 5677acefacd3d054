import type { Event } from "@sentry/remix";

import { scrubValue } from "./scrub";

/**
 * An event as it may leave the process: every secret-named field and every secret-looking
 * string replaced, and no query string (the admin's launch parameters carry a session token
 * and an HMAC; the shop they name is the event's user anyway).
 */
export function scrubEvent<T extends Event>(event: T): T {
  // The SDK's own bookkeeping holds live objects and is dropped before sending.
  const { sdkProcessingMetadata, request, ...rest } = event;
  const scrubbed = scrubValue(
    { ...rest, ...(request && { request: withoutQuery(request) }) },
    { strings: true },
  ) as T;
  if (sdkProcessingMetadata) scrubbed.sdkProcessingMetadata = sdkProcessingMetadata;
  return scrubbed;
}

function withoutQuery(request: NonNullable<Event["request"]>): NonNullable<Event["request"]> {
  const { query_string: _query, ...rest } = request;
  return { ...rest, ...(rest.url && { url: rest.url.split("?")[0] }) };
}
