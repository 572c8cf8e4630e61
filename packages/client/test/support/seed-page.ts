import { readFileSync } from "node:fs";

/** The example on the published "List Phone Calls" page, read from the spec package's verbatim copy. */
export function seedPageExample(): unknown {
  const page = readFileSync(
    new URL("../../../../spec/test/fixtures/list-phone-calls.page.txt", import.meta.url),
    "utf8",
  );
  const start = page.indexOf("\n{\n");
  const end = page.indexOf("\n}\n", start);
  return JSON.parse(page.slice(start + 1, end + 2));
}
