// Code a user would write (README examples, guide samples) checked as their project would check it: strict,
// ES modules resolved as Node.js resolves them, with Node.js and DOM types.
import { basename } from "node:path";
import ts from "typescript";

/** Type-checks `files` and returns each problem as `file.ts:line message`; none when all is well. */
export function typeProblems(files: readonly string[], options: { skipLibCheck: boolean }): string[] {
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: options.skipLibCheck,
    types: ["node"],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${basename(diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : "";
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
  });
}
