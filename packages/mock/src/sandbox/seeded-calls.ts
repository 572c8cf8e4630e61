// The calls a sandbox starts with: made from a seed by faker, so the same seed gives the same calls byte for
// byte, and a different seed different ones. The first calls walk through every value the spec documents
// (statuses of both doc generations, call types, termination reasons, providers, id shapes, phone numbers as
// numbers and as strings, with and without a campaign), so a consumer's tests meet the drift the spec allows.
// Only the English locale: the package's main entry loads every locale, which takes most of a start.
import { faker as englishFaker } from "@faker-js/faker/locale/en";
import type { Agent, Call, Campaign, PhoneNumber } from "@sigmamind/types";
import { KNOWN_VALUES, PROPERTY_EXAMPLES } from "../generated/operations.js";

type Faker = typeof englishFaker;

export const DEFAULT_SEED = 1;
export const DEFAULT_CALL_COUNT = 57;

/**
 * In the spec's order, but `ended` first: the newest seeded call has the spec's example id, and is an ended call,
 * as the spec's example is.
 */
export const KNOWN_STATUSES = ["ended", ...KNOWN_VALUES.CallStatus.filter((status) => status !== "ended")] as const;
export const KNOWN_CALL_TYPES = KNOWN_VALUES.CallType;
export const KNOWN_TERMINATION_REASONS = KNOWN_VALUES.TerminationReason;
export const KNOWN_PROVIDERS = KNOWN_VALUES.PhoneNumberProvider;
const CAMPAIGN_STATUSES = KNOWN_VALUES.CampaignStatus;
const AGENT_STATUSES = PROPERTY_EXAMPLES["Agent.status"];
/** The id shapes the docs show: `call-…`, `call_…` and bare. */
const ID_PREFIXES = ["call-", "call_", ""] as const;

/** Statuses of a call that has ended, which carry an end time, a duration and a reason. */
const ENDED = new Set(["ended", "completed", "not-connected", "error", "failed"]);
/** Statuses of a call that has connected, which carry a start time. */
const CONNECTED = new Set(["in-progress", "ended", "completed"]);

/** The sandbox's calls at its start, newest first, all created before `now`. */
export function seededCalls(seed: number, count: number, now: Date): Call[] {
  // One English faker for the package, seeded before each use: every draw below is synchronous.
  const faker = englishFaker;
  faker.seed(seed);
  const agents = Array.from({ length: 4 }, (_, index) => agentOf(faker, index));
  const numbers = Array.from({ length: 4 }, (_, index) => phoneNumberOf(faker, index, agents));
  const campaigns = Array.from({ length: 3 }, (_, index) => campaignOf(faker, index, agents, numbers));
  let createdAt = now.getTime();
  return Array.from({ length: count }, (_, index) => {
    // Newest first: each call was created a few minutes to a few hours before the one after it in the list.
    createdAt -= faker.number.int({ min: 60_000, max: 4 * 3_600_000 });
    return callOf(faker, index, new Date(createdAt), { agents, numbers, campaigns });
  });
}

function callOf(
  faker: Faker,
  index: number,
  createdAt: Date,
  pools: { agents: Agent[]; numbers: PhoneNumber[]; campaigns: Campaign[] },
): Call {
  // The first calls take each documented value in turn; the rest pick at random, from the same seed.
  const pick = <T>(values: readonly T[]): T =>
    index < values.length * 2 ? (values[index % values.length] as T) : faker.helpers.arrayElement(values);
  const status = pick(KNOWN_STATUSES);
  const callType = pick(KNOWN_CALL_TYPES);
  const connected = CONNECTED.has(status);
  const ended = ENDED.has(status);
  const startTime = connected ? new Date(createdAt.getTime() + faker.number.int({ min: 1_000, max: 30_000 })) : null;
  const duration = ended ? (connected ? faker.number.int({ min: 5, max: 900 }) : 0) : null;
  const endTime = ended
    ? new Date((startTime ?? createdAt).getTime() + (duration ?? 0) * 1000 + (connected ? 0 : 20_000))
    : null;
  const agent = pick(pools.agents);
  const campaign = callType === "outbound" && index % 2 === 0 ? pick(pools.campaigns) : null;
  const variables = { customer_name: faker.person.firstName() };
  return {
    callId: `${pick(ID_PREFIXES)}${faker.string.alphanumeric(16)}`,
    callType,
    phoneNumber: pick(pools.numbers),
    campaign,
    status,
    startTime: startTime?.toISOString() ?? null,
    endTime: endTime?.toISOString() ?? null,
    duration,
    terminationReason: ended ? pick(KNOWN_TERMINATION_REASONS) : null,
    createdAt: createdAt.toISOString(),
    updatedAt: (endTime ?? startTime ?? createdAt).toISOString(),
    // The list names them `variables` in one doc generation and `dynamicVariables` in the other.
    ...(index % 3 === 0 ? { dynamicVariables: variables } : { variables }),
    recordingUrl: ended && connected ? `${faker.internet.url({ appendSlash: false })}/recording.mp3` : null,
    agent,
  };
}

function agentOf(faker: Faker, index: number): Agent {
  return {
    name: `${faker.person.firstName()} ${faker.helpers.arrayElement(["Support", "Sales", "Reminders", "Survey"])}`,
    agentId: faker.string.alphanumeric(17),
    status: AGENT_STATUSES[index % AGENT_STATUSES.length],
  };
}

function phoneNumberOf(faker: Faker, index: number, agents: Agent[]): PhoneNumber {
  const digits = `1415555${faker.string.numeric(4)}`;
  // Older pages send numbers as JSON numbers, newer ones as E.164 strings.
  const value = index % 2 === 0 ? Number(digits) : `+${digits}`;
  const agent = agents[index % agents.length] as Agent;
  return {
    sipPhoneNumber: value,
    provider: KNOWN_PROVIDERS[index % KNOWN_PROVIDERS.length],
    inboundAgentId: agent.agentId,
    outboundAgentId: agent.agentId,
    outboundPhoneNumber: value,
    active: index !== 3,
    terminationSipURI: index % 2 === 0 ? "sip.telnyx.com" : null,
    friendlyName: `${faker.location.city()} line`,
  };
}

function campaignOf(faker: Faker, index: number, agents: Agent[], numbers: PhoneNumber[]): Campaign {
  return {
    campaignId: `${index % 2 === 0 ? "camp-" : "camp_"}${faker.string.alphanumeric(16)}`,
    campaignName: `${faker.commerce.productAdjective()} campaign`,
    campaignStatus: CAMPAIGN_STATUSES[index % CAMPAIGN_STATUSES.length],
    scheduledDate: faker.date.recent({ days: 30, refDate: "2026-01-01T00:00:00.000Z" }).toISOString(),
    concurrentCalls: faker.number.int({ min: 1, max: 10 }),
    agent: agents[index % agents.length] ?? null,
    phoneNumber: numbers[index % numbers.length] ?? null,
    errors: [],
    scheduled: index !== 1,
  };
}
