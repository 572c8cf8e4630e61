// The workspace's published packages (those not marked private), in folder order: what the changelog and the
// package pages are made of.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface PublishedPackage {
  /** `@sigmamind/client`. */
  name: string;
  /** Its folder under packages/: `client`. */
  folder: string;
  /** Its full path. */
  directory: string;
  description: string;
}

export function publishedPackages(workspaceRoot: string): PublishedPackage[] {
  const packagesRoot = join(workspaceRoot, "packages");
  return (
    readdirSync(packagesRoot, { withFileTypes: true })
      // A folder without a package.json (left behind by a branch, say) is no package.
      .filter((entry) => entry.isDirectory() && existsSync(join(packagesRoot, entry.name, "package.json")))
      .map((entry) => entry.name)
      .sort()
      .flatMap((folder) => {
        const directory = join(packagesRoot, folder);
        const manifest = JSON.parse(readFileSync(join(directory, "package.json"), "utf8")) as {
          name: string;
          private?: boolean;
          description: string;
        };
        return manifest.private ? [] : [{ name: manifest.name, folder, directory, description: manifest.description }];
      })
  );
}
