export type {
  Agent,
  CallStatus,
  CallType,
  CallVariables,
  Campaign,
  CampaignStatus,
  ErrorResponse,
  PhoneNumber,
  PhoneNumberProvider,
  PhoneNumberValue,
  TerminationReason,
} from "@sigmamind/types";
export {
  type ClientOptions,
  DEFAULT_BASE_URL,
  DEFAULT_MAX_RETRIES,
  DEFAULT_TIMEOUT_MS,
  type DerivedOptions,
  SigmaMind,
} from "./client.js";
export { APIPromise, type WithResponse } from "./core/api-promise.js";
export {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  IncompleteListError,
  type IncompleteListReason,
  InternalServerError,
  InvalidInputError,
  LiveWriteRefusedError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  ResponseParseError,
  ResponseValidationError,
  SigmaMindError,
  UnprocessableEntityError,
  WaitTimeoutError,
} from "./core/errors.js";
export type { Logger, LogLevel } from "./core/logger.js";
export { OffsetPage, type OffsetPageResponse, PagePromise, type PaginationOptions } from "./core/pagination.js";
export type { SigmaMindRawClient } from "./core/raw-client.js";
export type { RequestOptions } from "./core/request-options.js";
export type { Fetch, Sleep } from "./core/transport.js";
export { KNOWN_CALL_STATUSES } from "./generated/known-values.js";
export {
  type Call,
  type CallListResponse,
  type CallsPage,
  type CallsPagePromise,
  type CreateCallParams,
  FINAL_CALL_STATUSES,
  isFinalCallStatus,
  type ListCallsOptions,
  type ListCallsParams,
  type WaitForCallOptions,
} from "./resources/calls.js";
