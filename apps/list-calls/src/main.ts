// Starts the SigmaMind mock API, fetches the first page of calls through @sigmamind/client and prints it.
// No API key and no network: the mock accepts any key and serves the spec's examples.
import { SigmaMind } from "@sigmamind/client";
import { startMock } from "@sigmamind/mock";
import { formatCallsPage } from "./format-calls.js";

const mock = await startMock();
try {
  console.log(`SigmaMind mock API listening on ${mock.url}\n`);
  const client = new SigmaMind({ apiKey: "mock-api-key", baseUrl: mock.url });
  const page = await client.calls.list({ page: 0, size: 10 });
  console.log(formatCallsPage(page));
} catch (error) {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await mock.stop();
}
