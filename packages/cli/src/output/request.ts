// A request as --dry-run shows it: what would be sent, with the key replaced.
import { jsonText, writeJson } from "./json.js";
import type { Sink } from "./sink.js";

export interface RequestView {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** As HTTP writes it (table), or as one JSON object (json). */
export function writeRequest(sink: Sink, format: "table" | "json", request: RequestView): Promise<void> {
  if (format === "json") return writeJson(sink, request);
  const headers = Object.entries(request.headers).map(([name, value]) => `${name}: ${value}\n`);
  return sink.write(`${request.method} ${request.url}\n${headers.join("")}\n${jsonText(request.body, 2)}\n`);
}
