// Where in a body, as a reader writes it: `data[0].status`.
import { describe, expect, test } from "vitest";
import { jsonPointerTokens, toPropertyPath } from "../src/property-path.js";

describe("jsonPointerTokens", () => {
  test("splits a pointer into its tokens", () => {
    expect(jsonPointerTokens("/data/0/status")).toEqual(["data", "0", "status"]);
  });

  test("the empty pointer, the whole document, has no tokens", () => {
    expect(jsonPointerTokens("")).toEqual([]);
  });

  test("unescapes ~1 to / and ~0 to ~, in that order", () => {
    expect(jsonPointerTokens("/a~1b/c~0d/~01")).toEqual(["a/b", "c~d", "~1"]);
  });

  test("keeps an empty property name", () => {
    expect(jsonPointerTokens("/")).toEqual([""]);
  });
});

describe("toPropertyPath", () => {
  test("names properties with dots and array items with brackets", () => {
    expect(toPropertyPath(["data", "0", "status"])).toBe("data[0].status");
    expect(toPropertyPath(["0", "1", "name"])).toBe("[0][1].name");
  });

  test("is empty for the body itself", () => {
    expect(toPropertyPath([])).toBe("");
  });

  test("shows an unescaped name as it is", () => {
    expect(toPropertyPath(jsonPointerTokens("/data/0/a~1b"))).toBe("data[0].a/b");
  });
});
