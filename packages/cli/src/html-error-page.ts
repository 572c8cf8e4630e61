// An error answered with an HTML page (a proxy's "502 Bad Gateway", a web site at the wrong --base-url): summed
// up in one line, never pasted whole.
import type { APIError } from "@sigmamind/client";

const MAX_TITLE_LENGTH = 80;

export function isHtmlPage(error: APIError): boolean {
  if (typeof error.body !== "string") return false;
  return /\btext\/html\b/i.test(error.headers.get("content-type") ?? "") || /<html[\s>]/i.test(error.body);
}

export function describeHtmlPage(error: APIError): string {
  const title = typeof error.body === "string" ? pageTitle(error.body) : undefined;
  const page = title ? `an HTML page titled "${title}"` : "an HTML page";
  return `${error.status} from the SigmaMind API: ${page} instead of JSON; a proxy or gateway may have answered for it. ${advice(error.status)}`;
}

function advice(status: number): string {
  if (status >= 500) return "The server failed; try again later.";
  if (status === 429) return "Too many requests; wait before retrying.";
  return "Check --base-url: it should be the API's address, not a web site's.";
}

function pageTitle(html: string): string | undefined {
  const inner = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  if (inner === undefined) return undefined;
  const title = decodeEntities(inner.replace(/<[^>]*>/g, ""))
    .replace(/\s+/g, " ")
    .trim();
  if (!title) return undefined;
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] !== "#") return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const codePoint = name[1] === "x" || name[1] === "X" ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}
