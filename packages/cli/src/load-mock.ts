// @sigmamind/mock is an optional peer dependency, which only --mock and --sandbox need. It is loaded when one of
// them is given, and not before. --mock also needs Stoplight Prism (about 90 MB), the mock's own optional peer.
import { createRequire } from "node:module";

export const loadMock = () => import("@sigmamind/mock");

const PRISM_PACKAGE = "@stoplight/prism-cli";

/** Prism at the range the installed @sigmamind/mock peers on, as an install command names it. */
export function prismToInstall(): string {
  const manifest = createRequire(import.meta.url)("@sigmamind/mock/package.json") as {
    peerDependencies?: Record<string, string>;
  };
  const range = manifest.peerDependencies?.[PRISM_PACKAGE];
  return range ? `${PRISM_PACKAGE}@${range}` : PRISM_PACKAGE;
}
