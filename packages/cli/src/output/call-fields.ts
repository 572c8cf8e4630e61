// The fields of a call that the table and CSV show, flattened to text. Nested objects are reduced to the
// identifier or name a reader looks for; json and ndjson carry the whole call instead.
import type { Call } from "@sigmamind/client";

export interface CallField {
  readonly name: string;
  value(call: Call): string;
}

const text = (value: string | number | null | undefined) => (value == null ? "" : String(value));

export const CALL_FIELDS = [
  { name: "callId", value: (call) => call.callId },
  { name: "callType", value: (call) => text(call.callType) },
  { name: "status", value: (call) => text(call.status) },
  { name: "startTime", value: (call) => text(call.startTime) },
  { name: "endTime", value: (call) => text(call.endTime) },
  { name: "duration", value: (call) => text(call.duration) },
  { name: "terminationReason", value: (call) => text(call.terminationReason) },
  // Older responses send the number as a JSON number without "+"; it is shown as sent, not guessed at.
  { name: "phoneNumber", value: (call) => text(call.phoneNumber?.sipPhoneNumber) },
  { name: "agentId", value: (call) => text(call.agent?.agentId) },
  { name: "agentName", value: (call) => text(call.agent?.name) },
  { name: "campaignId", value: (call) => text(call.campaign?.campaignId) },
  { name: "createdAt", value: (call) => text(call.createdAt) },
] as const satisfies readonly CallField[];

export type CallFieldName = (typeof CALL_FIELDS)[number]["name"];

export function callField(name: CallFieldName): CallField {
  return CALL_FIELDS.find((field) => field.name === name) as CallField;
}
