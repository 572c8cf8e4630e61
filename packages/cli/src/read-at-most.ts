// Reading a small file the user points at (a key, the config) without trusting its size: /dev/zero or a large
// file is refused after one byte past the limit, never read whole.
import { open } from "node:fs/promises";

/** The file's text, or undefined when it holds more than `maxBytes`, of which no more than one byte past is read. */
export async function readAtMost(path: string, maxBytes: number): Promise<string | undefined> {
  const file = await open(path, "r");
  try {
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return undefined;
    }
    return buffer.toString("utf8", 0, length);
  } finally {
    await file.close();
  }
}
