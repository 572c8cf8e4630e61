import type { Call, CallListResponse, CreateCallRequest, operations } from "@sigmamind/types";
import type { SigmaMindRawClient } from "../core/raw-client.js";
import { readJson, readNoContent } from "../core/read-response.js";
import type { RequestOptions } from "../core/request-options.js";

export type { Call, CallListResponse } from "@sigmamind/types";
/** Query parameters of `calls.list()`: `status`, `page` (from 0), `size`. */
export type ListCallsParams = NonNullable<operations["listCalls"]["parameters"]["query"]>;
/** Body of `calls.create()`. */
export type CreateCallParams = CreateCallRequest;

/** The `/v1/calls` resource: `client.calls`. */
export class Calls {
  readonly #raw: SigmaMindRawClient;

  constructor(raw: SigmaMindRawClient) {
    this.#raw = raw;
  }

  /** One page of calls. */
  async list(params: ListCallsParams = {}, options: RequestOptions = {}): Promise<CallListResponse> {
    const result = await this.#raw.GET("/v1/calls", { params: { query: params }, parseAs: "text", ...options });
    return readJson<CallListResponse>(result);
  }

  /** One call by its id. */
  async get(callId: string, options: RequestOptions = {}): Promise<Call> {
    const result = await this.#raw.GET("/v1/calls/{callId}", {
      params: { path: { callId } },
      parseAs: "text",
      ...options,
    });
    return readJson<Call>(result);
  }

  /** Places a real outbound phone call. Never retried once it may have reached the server. */
  async create(params: CreateCallParams, options: RequestOptions = {}): Promise<Call> {
    const result = await this.#raw.POST("/v1/calls", { body: params, parseAs: "text", ...options });
    return readJson<Call>(result);
  }

  /** Deletes a call. */
  async delete(callId: string, options: RequestOptions = {}): Promise<void> {
    const result = await this.#raw.DELETE("/v1/calls/{callId}", {
      params: { path: { callId } },
      parseAs: "text",
      ...options,
    });
    readNoContent(result);
  }
}
