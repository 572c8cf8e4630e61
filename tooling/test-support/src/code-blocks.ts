// The fenced code blocks of a guide or a README, as the tests read them: `ts run` blocks run, `ts` ones type-check,
// and a block titled with a file name (```` ```ts [vitest.config.ts] ````, VitePress's way to show one, which npm and
// GitHub render as plain `ts`) is a file of a project to copy, written out and tested as that project.

export interface CodeBlock {
  /** Its place among the document's fenced blocks, from 0. */
  index: number;
  language: string;
  run: boolean;
  /** The file name it is titled with, if any: `src/missed-calls.ts`. */
  file: string | undefined;
  code: string;
}

export function codeBlocks(markdown: string): CodeBlock[] {
  return [...markdown.matchAll(/```(\w+)( run)?(?: \[([^\]\n]+)\])?\n([\s\S]*?)```/g)].map((match, index) => ({
    index,
    language: match[1] as string,
    run: match[2] !== undefined,
    file: match[3],
    code: match[4] as string,
  }));
}
