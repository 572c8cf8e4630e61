// The files the built site carries besides its pages, named once for the build, the page script and the server.

/** The OpenAPI document the reference page renders (see site-spec.ts). */
export const SITE_SPEC_FILE = "openapi.json";
/** Scalar's prebuilt browser bundle. */
export const SCALAR_BUNDLE = "scalar/standalone.js";
/** `{ mockUrl }`: where "try it" sends requests. The built file names the default; `serveSite` answers its own. */
export const SITE_CONFIG_FILE = "site-config.json";
/** Where `pnpm start` runs the sandbox. */
export const DEFAULT_MOCK_URL = "http://127.0.0.1:4010";

export interface SiteConfig {
  mockUrl: string;
}
