// CSV opened in a spreadsheet: a cell that a spreadsheet would run as a formula is written as text, while
// numbers, phone numbers in E.164 form included, stay numbers.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type FakeApi, fakeCall, startFakeApi } from "./support/fake-api.js";
import { parseCsv } from "./support/parse-csv.js";
import { runInProcess } from "./support/run-in-process.js";

const AGENT_NAME_COLUMN = 9;
const PHONE_NUMBER_COLUMN = 7;

let api: FakeApi;
let names: string[] = [];
let phoneNumber = "";
beforeAll(async () => {
  api = await startFakeApi(() => ({
    status: 200,
    body: {
      data: names.map((name, index) =>
        fakeCall(`call-${index}`, {
          agent: { agentId: "agent-1", name },
          phoneNumber: { sipPhoneNumber: phoneNumber },
        }),
      ),
      page: 0,
      size: names.length,
      totalCounts: names.length,
      totalPages: 1,
      hasNext: false,
      hasPrevious: false,
    },
  }));
});
afterAll(() => api.close());

async function csvRows(agentNames: string[], number = "+14155552671") {
  names = agentNames;
  phoneNumber = number;
  const { code, stdout } = await runInProcess(["calls", "list", "--format", "csv", "--base-url", api.url]);
  expect(code).toBe(0);
  return parseCsv(stdout).slice(1);
}

describe("csv", () => {
  test.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ["@SUM(1+1)*cmd|' /C calc'!A0"],
    ["+1+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0"],
    ["-"],
    ["+"],
    ["\tleading tab"],
    ["\rleading carriage return"],
    ["=1"],
  ])("a cell starting like a formula, %j, is written with a leading quote", async (name) => {
    const [row] = await csvRows([name]);
    expect(row?.[AGENT_NAME_COLUMN]).toBe(`'${name}`);
  });

  test.each([["+14155552671"], ["-12"], ["-1.5"], ["+0"], ["42"], ["Agent = One"], ["a@b"]])(
    "%j is not a formula, and is written as it is",
    async (name) => {
      const [row] = await csvRows([name]);
      expect(row?.[AGENT_NAME_COLUMN]).toBe(name);
    },
  );

  test("a phone number in E.164 form stays as sent; one with more after the digits does not", async () => {
    expect((await csvRows(["Ana"], "+14155552671"))[0]?.[PHONE_NUMBER_COLUMN]).toBe("+14155552671");
    expect((await csvRows(["Ana"], "+1415+cmd|' /C calc'!A0"))[0]?.[PHONE_NUMBER_COLUMN]).toBe(
      "'+1415+cmd|' /C calc'!A0",
    );
  });
});
