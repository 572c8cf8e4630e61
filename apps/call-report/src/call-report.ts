import { type Call, type CallStatus, type ListCallsParams, type SigmaMind, SigmaMindError } from "@sigmamind/client";

export interface CallReport {
  calls: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  /** Seconds, over the calls that report a duration. */
  totalDurationSeconds: number;
  averageDurationSeconds: number | null;
  /** Termination reasons, most frequent first. */
  terminationReasons: { reason: string; calls: number }[];
}

export interface CallReportOptions {
  status?: CallStatus;
  /** Stop after this many calls. Default: all of them. */
  maxCalls?: number;
}

/** Walks every call (pages fetched four ahead) and sums them up. */
export async function buildCallReport(client: SigmaMind, options: CallReportOptions = {}): Promise<CallReport> {
  const params: ListCallsParams = options.status === undefined ? { size: 100 } : { status: options.status, size: 100 };
  const report = emptyReport();
  const reasons = new Map<string, number>();
  let durations = 0;
  try {
    const pages = client.calls.list(params, {
      prefetchPages: 4,
      ...(options.maxCalls !== undefined && { maxItems: options.maxCalls }),
    });
    for await (const call of pages) {
      add(report, call);
      if (typeof call.duration === "number") {
        report.totalDurationSeconds += call.duration;
        durations++;
      }
      if (call.terminationReason) reasons.set(call.terminationReason, (reasons.get(call.terminationReason) ?? 0) + 1);
    }
  } catch (error) {
    if (error instanceof SigmaMindError)
      throw new CallReportError(`Could not build the call report: ${error.message}`, error);
    throw error;
  }
  report.averageDurationSeconds = durations === 0 ? null : report.totalDurationSeconds / durations;
  report.terminationReasons = [...reasons]
    .map(([reason, calls]) => ({ reason, calls }))
    .sort((a, b) => b.calls - a.calls || a.reason.localeCompare(b.reason));
  return report;
}

export class CallReportError extends Error {
  override name = "CallReportError";
  constructor(
    message: string,
    override readonly cause: SigmaMindError,
  ) {
    super(message, { cause });
  }
}

function emptyReport(): CallReport {
  return {
    calls: 0,
    byStatus: {},
    byType: {},
    totalDurationSeconds: 0,
    averageDurationSeconds: null,
    terminationReasons: [],
  };
}

function add(report: CallReport, call: Call) {
  report.calls++;
  report.byStatus[call.status] = (report.byStatus[call.status] ?? 0) + 1;
  const type = call.callType ?? "unknown";
  report.byType[type] = (report.byType[type] ?? 0) + 1;
}
