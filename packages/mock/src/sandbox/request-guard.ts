// Who may reach the sandbox, and what a browser page may read of it. A sandbox left running on a developer's
// machine must not be driven by a page they happen to visit:
// - every request must name the sandbox by a host it answers to (a loopback name, its own, or one allowed), so a
//   DNS-rebinding page that reaches 127.0.0.1 under its own name is refused;
// - the control routes need an X-API-Key header, which a page on another origin can send only after a CORS
//   preflight, and the sandbox answers that preflight only for origins it was told to allow;
// - the API's routes answer pages on any origin, as the docs site's "try it" needs: each key is a world of its
//   own, so a page sees only the world of a key it sends.

/** The request headers a page on another origin may send to the API's routes. */
const API_REQUEST_HEADERS = "x-api-key, content-type, prefer, x-sandbox-fault";
/** Response headers a page may read; named, since a `*` exposes nothing to a request sent with credentials. */
const EXPOSED_HEADERS = "Retry-After, Content-Length, X-Sandbox-Violation";

export interface RequestGuard {
  /** Why a request for `url`, from a page at `origin`, may not be answered; undefined when it may. */
  refusal(url: URL, origin: string | null, control: boolean): string | undefined;
  /** The CORS headers of an answer to a page at `origin`. */
  corsHeaders(origin: string | null, control: boolean): Record<string, string>;
  /** The answer to a CORS preflight, or undefined to refuse it. */
  preflight(origin: string | null, control: boolean): Record<string, string> | undefined;
}

export interface RequestGuardOptions {
  /** Host names the sandbox answers to besides the loopback ones (`localhost`, `127.0.0.1`, `[::1]`). */
  allowedHosts: readonly string[];
  /** Origins whose pages may use the control routes, such as a docs site's `http://127.0.0.1:4000`. */
  allowedOrigins: readonly string[];
}

export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const hosts = new Set(options.allowedHosts.map((host) => host.toLowerCase()));
  const origins = new Set(options.allowedOrigins.map(originOf));
  const controlAllowed = (origin: string | null) => origin === null || origins.has(origin);
  return {
    refusal(url, origin, control) {
      const host = url.hostname.toLowerCase();
      if (!isLoopbackName(host) && !hosts.has(host)) {
        return `The sandbox answers requests for a loopback host or one it was told of (allowedHosts), not ${url.hostname}`;
      }
      if (control && !controlAllowed(origin)) {
        return `The sandbox's control routes answer pages only from origins it was told of (allowedOrigins), not ${origin}`;
      }
      return undefined;
    },
    corsHeaders(origin, control) {
      if (origin === null || (control && !origins.has(origin))) return {};
      return {
        "access-control-allow-origin": control ? origin : "*",
        "access-control-expose-headers": EXPOSED_HEADERS,
        ...(control && { vary: "Origin" }),
      };
    },
    preflight(origin, control) {
      if (control && (origin === null || !origins.has(origin))) return undefined;
      return {
        ...this.corsHeaders(origin, control),
        "access-control-allow-methods": control ? "GET, POST" : "GET, HEAD, POST, DELETE",
        "access-control-allow-headers": control ? "x-api-key" : API_REQUEST_HEADERS,
        "access-control-max-age": "600",
      };
    },
  };
}

/** `localhost` and its subdomains, `127.0.0.0/8` and `[::1]`: names that only this machine answers to. */
function isLoopbackName(host: string): boolean {
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** An origin as a browser sends it: scheme, host and port, no path. */
function originOf(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`allowedOrigins takes origins such as http://127.0.0.1:4000, got ${JSON.stringify(text)}`);
  }
  return url.origin;
}
