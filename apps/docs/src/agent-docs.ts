// What the site gives AI agents, through vitepress-plugin-llms: llms.txt (a table of contents, with instructions
// for agents first), llms-full.txt (every page in one file) and a Markdown copy beside each page. The reference page
// is drawn in the browser by Scalar, so its source holds no text a plugin could read: its Markdown, written from
// the spec, is added to that page's source inside <llm-only>, which the plugin keeps for agents and strips from
// the page people see.
import type { LoadedSpec } from "@sigmamind/spec";
import { referenceSearchMarkdown } from "./reference-search.js";

/** The instructions at the head of llms.txt: how an agent should use this API safely. */
export const AGENT_INSTRUCTIONS = `## Instructions for agents

- Use the sandbox, never the live API, to try anything: \`createSandbox()\` from \`@sigmamind/mock\` (in-process), \`sigmamind --sandbox\` on the command line, or \`npx @sigmamind/mcp --sandbox\` as MCP tools. Any API key works there, and no phone rings.
- \`POST /v1/calls\` (\`client.calls.create\`, \`sigmamind calls create\`, the \`calls_create\` tool) places a real phone call to a person and costs money. Never place one without the user's explicit confirmation of the numbers and the agent, and never retry one that may have been placed: an error whose \`mayHaveTakenEffect\` is true says to list recent calls first.
- Read errors by their class and status: \`InvalidInputError\` (nothing was sent; \`operation\` and \`field\` name the input), \`AuthenticationError\` (401: the key), \`NotFoundError\` (404), \`RateLimitError\` (429: wait \`retryAfterMs\`), \`APIConnectionError\` and \`APIConnectionTimeoutError\` (no answer). The CLI exits 2 for a usage error, 1 for an API or network error, 3 when a confirmation was declined.
- The API key is a secret: read it from \`SIGMAMIND_API_KEY\`; never print it, log it or pass it as a tool argument.`;

/** The template of llms.txt: the title, the description, the instructions for agents, then the pages. */
export const LLMS_TXT_TEMPLATE = "# {title}\n\n{description}\n\n{agentInstructions}\n\n## Table of Contents\n\n{toc}";

/** A Vite plugin's hooks that this one uses. */
interface TransformPlugin {
  name: string;
  enforce: "pre";
  transform(code: string, id: string): { code: string; map: null } | null;
}

/** A Vite plugin, placed before vitepress-plugin-llms, that gives the reference page its Markdown for agents. */
export function referenceForAgents(spec: LoadedSpec): TransformPlugin {
  return {
    name: "sigmamind:reference-for-agents",
    enforce: "pre",
    transform(code, id) {
      if (!id.endsWith("/pages/reference.md")) return null;
      // The search index's Markdown has `{#anchor}` attributes for VitePress; agents read the plain headings.
      const markdown = referenceSearchMarkdown(spec).replace(/ \{#[^}]*\}$/gm, "");
      return { code: `${code}\n<llm-only>\n\n${markdown}\n\n</llm-only>\n`, map: null };
    },
  };
}
