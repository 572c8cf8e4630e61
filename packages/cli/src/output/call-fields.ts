// The fields of a call by the names the table, the CSV and --fields know them. Nested objects are reduced to the
// identifier or name a reader looks for. Each field is text for a table cell or a CSV field, and for --fields in
// JSON, the value the API sent at its place; without --fields, json and ndjson carry the whole call instead.
import type { Call } from "@sigmamind/client";

type SentValue = string | number | null | undefined;

export interface CallField {
  readonly name: string;
  /** As a table cell or a CSV field shows it: text, empty when the call has none. */
  text(call: Call): string;
  /** The value the API sent at this field's place in the call, or null if none: what --fields writes as JSON. */
  sent(call: Call): SentValue;
}

function field<const Name extends string>(name: Name, sentValue: (call: Call) => SentValue) {
  return {
    name,
    text: (call: Call) => {
      const value = sentValue(call);
      return value == null ? "" : String(value);
    },
    sent: (call: Call) => sentValue(call) ?? null,
  } satisfies CallField;
}

export const CALL_FIELDS = [
  field("callId", (call) => call.callId),
  field("callType", (call) => call.callType),
  field("status", (call) => call.status),
  field("startTime", (call) => call.startTime),
  field("endTime", (call) => call.endTime),
  field("duration", (call) => call.duration),
  field("terminationReason", (call) => call.terminationReason),
  // Older responses send the number as a JSON number without "+"; it is shown as sent, not guessed at.
  field("phoneNumber", (call) => call.phoneNumber?.sipPhoneNumber),
  field("agentId", (call) => call.agent?.agentId),
  field("agentName", (call) => call.agent?.name),
  field("campaignId", (call) => call.campaign?.campaignId),
  field("createdAt", (call) => call.createdAt),
] as const;

export type CallFieldName = (typeof CALL_FIELDS)[number]["name"];

export const CALL_FIELD_NAMES: readonly CallFieldName[] = CALL_FIELDS.map((field) => field.name);

export function callField(name: CallFieldName): CallField {
  return CALL_FIELDS.find((field) => field.name === name) as CallField;
}

/** The call as json and ndjson write it: whole, or with --fields an object of only those keys, in their order. */
export function callJson(call: Call, fields: readonly CallFieldName[] | undefined): unknown {
  if (fields === undefined) return call;
  return Object.fromEntries(fields.map((name) => [name, callField(name).sent(call)]));
}
