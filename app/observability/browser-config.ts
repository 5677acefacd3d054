/** What the page needs to report its own errors; public by design, like any browser DSN. */
export type BrowserSentryConfig = {
  dsn: string;
  environment: string;
  release: string;
  tracesSampleRate: number;
};

/** Where the root route leaves the configuration for the browser entry to read. */
export const BROWSER_CONFIG_GLOBAL = "__sentryConfig";

declare global {
  interface Window {
    [BROWSER_CONFIG_GLOBAL]?: BrowserSentryConfig | null;
  }
}
