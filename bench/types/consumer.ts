// What a consumer writes against @sigmamind/client, one use of every operation. `pnpm bench` times
// `tsc --noEmit` on this file against empty.ts under the same compiler options.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type Call,
  type CallStatus,
  type CallsPage,
  type CreateCallParams,
  type ListCallsParams,
  NotFoundError,
  RateLimitError,
  ResponseValidationError,
  SigmaMind,
  SigmaMindError,
} from "@sigmamind/client";

export async function useEveryOperation(): Promise<string[]> {
  const client = new SigmaMind({ apiKey: "key", maxRetries: 1, timeoutMs: 5_000, validateResponses: true });
  const lines: string[] = [];

  const status: CallStatus = "ended";
  const params: ListCallsParams = { status, page: 0, size: 20 };
  let page: CallsPage = await client.calls.list(params);
  lines.push(`${page.totalCounts} calls on ${page.totalPages} pages`);
  while (page.hasNextPage()) page = await page.getNextPage();

  for await (const call of client.calls.list({ status: "in-progress" }, { prefetchPages: 4, maxItems: 100 })) {
    lines.push(`${call.callId} ${call.status ?? "unknown"} ${call.duration ?? 0}`);
  }

  const created: Call = await client.calls.create({
    fromPhoneNumber: "+14155552671",
    toPhoneNumber: "+14155550123",
    agentId: "D5D0p7TUs66TTAEAx",
    dynamicVariables: { customer_name: "Michael" },
  } satisfies CreateCallParams);
  const fetched = await client.calls.get(created.callId, { timeoutMs: 1_000, signal: AbortSignal.timeout(2_000) });
  lines.push(`${fetched.callType} ${fetched.terminationReason ?? "none"} ${fetched.agent?.name ?? ""}`);
  await client.calls.delete(created.callId, { maxRetries: 0 });

  const { data, error, response } = await client.raw.GET("/v1/calls", { params: { query: { size: 5 } } });
  if (error) lines.push(`${response.status} ${error.message}`);
  else lines.push(`${data.totalCounts}`);
  const one = await client.raw.GET("/v1/calls/{callId}", { params: { path: { callId: created.callId } } });
  lines.push(one.data?.callId ?? String(one.response.status));

  try {
    await client.calls.get("call-unknown");
  } catch (caught) {
    if (caught instanceof NotFoundError) lines.push(`${caught.status} ${caught.error?.message ?? ""}`);
    else if (caught instanceof RateLimitError) lines.push(`retry in ${caught.retryAfterMs ?? 0} ms`);
    else if (caught instanceof ResponseValidationError) lines.push(`${caught.operation} ${caught.path}`);
    else if (caught instanceof APIError) lines.push(`${caught.status} ${caught.requestId ?? ""}`);
    else if (caught instanceof APIConnectionTimeoutError) lines.push("timed out");
    else if (caught instanceof APIConnectionError) lines.push(caught.message);
    else if (caught instanceof APIUserAbortError) lines.push("aborted");
    else if (caught instanceof SigmaMindError) lines.push(caught.message);
    else throw caught;
  }
  return lines;
}
