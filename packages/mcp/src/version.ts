// The version this server tells MCP clients: the package's, read from its manifest when it starts.
import { createRequire } from "node:module";

export const VERSION: string = (createRequire(import.meta.url)("../package.json") as { version: string }).version;
