import { expect, test } from "vitest";
import { codeBlocks } from "../src/code-blocks.js";

test("reads each fenced block with its language, its run mark and its file name", () => {
  const markdown = [
    "```sh\nnpm install x\n```",
    "```ts run\nconsole.log(1);\n```",
    "```ts [src/app.ts]\nexport const a = 1;\n```",
    "```json [package.json]\n{}\n```",
  ].join("\n\ntext\n\n");
  expect(codeBlocks(markdown)).toEqual([
    { index: 0, language: "sh", run: false, file: undefined, code: "npm install x\n" },
    { index: 1, language: "ts", run: true, file: undefined, code: "console.log(1);\n" },
    { index: 2, language: "ts", run: false, file: "src/app.ts", code: "export const a = 1;\n" },
    { index: 3, language: "json", run: false, file: "package.json", code: "{}\n" },
  ]);
});
