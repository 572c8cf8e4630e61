// The tarball a user downloads: fetched from the registry by the URL in its packument, and read in memory.
import { gunzipSync } from "node:zlib";
import { fetchPackument } from "./verdaccio.js";

/** Path inside the package (without the leading `package/`) → content. */
export type TarballFiles = Map<string, Buffer>;

export async function downloadTarball(registryUrl: string, name: string, version: string): Promise<TarballFiles> {
  const packument = await fetchPackument(registryUrl, name);
  const published = packument.versions[version];
  if (!published) throw new Error(`${name}@${version} is not in ${registryUrl}: ${Object.keys(packument.versions)}`);
  const response = await fetch(published.dist.tarball);
  if (!response.ok) throw new Error(`GET ${published.dist.tarball}: ${response.status}`);
  return readTarball(gunzipSync(Buffer.from(await response.arrayBuffer())));
}

/** The regular files of a ustar archive, as npm and pnpm write them (PAX `path` records included). */
export function readTarball(archive: Buffer): TarballFiles {
  const files: TarballFiles = new Map();
  let offset = 0;
  let paxPath: string | undefined;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) break;
    const field = (start: number, length: number) =>
      header
        .subarray(start, start + length)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const size = Number.parseInt(field(124, 12).trim() || "0", 8);
    const type = field(156, 1) || "0";
    const prefix = field(345, 155);
    const body = archive.subarray(offset + 512, offset + 512 + size);
    const name = paxPath ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    paxPath = undefined;

    if (type === "x") paxPath = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"))?.[1];
    else if (type === "0" || type === "7") files.set(name.replace(/^package\//, ""), Buffer.from(body));
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}
