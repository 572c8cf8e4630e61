export type {
  Agent,
  CallStatus,
  CallType,
  Campaign,
  CampaignStatus,
  ErrorResponse,
  PhoneNumber,
  PhoneNumberProvider,
  PhoneNumberValue,
  TerminationReason,
} from "@sigmamind/types";
export { type ClientOptions, DEFAULT_BASE_URL, SigmaMind } from "./client.js";
export {
  APIConnectionError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ResponseParseError,
  SigmaMindError,
  UnprocessableEntityError,
} from "./core/errors.js";
export type { SigmaMindRawClient } from "./core/raw-client.js";
export type { RequestOptions } from "./core/request-options.js";
export type { Fetch } from "./core/transport.js";
export type { Call, CallListResponse, CreateCallParams, ListCallsParams } from "./resources/calls.js";
