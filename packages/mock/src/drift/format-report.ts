import type { DriftReport } from "./check-drift.js";

/** The report as text: what was checked, then each violation as operation, path, expected, got. */
export function formatDriftReport(report: DriftReport): string {
  const lines = report.checked.map(({ request, status }) => `checked ${request} → ${status}`);
  for (const failure of report.failures)
    lines.push(`could not check ${failure.operation} (${failure.request}): ${failure.problem}`);
  if (report.violations.length === 0 && report.failures.length === 0) {
    lines.push("", "No drift: every response matches the spec.");
    return lines.join("\n");
  }
  if (report.violations.length > 0) {
    lines.push("", `${report.violations.length} place(s) where the API and the spec disagree:`);
    for (const violation of report.violations) {
      lines.push(
        `- ${violation.operation} ${violation.path || "(body)"}: expected ${violation.expected}, got ${violation.got}`,
      );
    }
    lines.push(
      "",
      "If the API changed on purpose, update spec/openapi.yaml (and add a changeset); otherwise report it to SigmaMind.",
    );
  }
  return lines.join("\n");
}
