import type { paths } from "@sigmamind/types";
import type { Client } from "openapi-fetch";

/** The openapi-fetch client, typed by the spec, with the SigmaMind client's auth and transport. */
export type SigmaMindRawClient = Client<paths>;
