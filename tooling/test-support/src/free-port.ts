// For the rare test that needs a port before anything listens on it. A server that can listen on port 0 and say
// which port it got needs none of this, and has no race with other processes for the port.
import getPort from "get-port";

/** A port on 127.0.0.1 that is free right now. */
export function freePort(): Promise<number> {
  return getPort({ host: "127.0.0.1" });
}

/** A URL where nothing listens, so connecting to it is refused. */
export async function refusedUrl(): Promise<{ url: string; port: number }> {
  const port = await freePort();
  return { url: `http://127.0.0.1:${port}`, port };
}
