// The two steps of placing a phone call from an assistant: a dry run that says what would be dialled and gives a
// token, then the same arguments with that token. A token is good once, for five minutes, for those arguments only:
// an assistant cannot place a call the person did not see, nor place it twice.
import { randomBytes } from "node:crypto";

/** How long a dry run's token stays good. */
export const CONFIRMATION_TTL_MS = 5 * 60 * 1000;

export interface CreateConfirmations {
  /** A token for these arguments. */
  issue(args: Readonly<Record<string, unknown>>): { token: string; expiresInSeconds: number };
  /** Undefined when `token` is good for these arguments (and spends it); else why not, said for the assistant. */
  redeem(token: string, args: Readonly<Record<string, unknown>>): string | undefined;
}

export function createConfirmations(now: () => number = Date.now): CreateConfirmations {
  const pending = new Map<string, { args: string; expiresAt: number }>();
  const canonical = (args: Readonly<Record<string, unknown>>) => JSON.stringify(sortedKeys(args));
  return {
    issue(args) {
      for (const [token, { expiresAt }] of pending) if (expiresAt <= now()) pending.delete(token);
      const token = randomBytes(16).toString("hex");
      pending.set(token, { args: canonical(args), expiresAt: now() + CONFIRMATION_TTL_MS });
      return { token, expiresInSeconds: CONFIRMATION_TTL_MS / 1000 };
    },
    redeem(token, args) {
      const found = pending.get(token);
      if (!found) {
        return "confirmationToken is not one a dry run of calls_create gave, or it was used already: call calls_create without it first, and show the person what would be dialled";
      }
      pending.delete(token);
      if (found.expiresAt <= now())
        return "confirmationToken has expired: do the dry run again and ask the person again";
      if (found.args !== canonical(args)) {
        return "the arguments differ from those of the dry run that gave this confirmationToken: do the dry run again with these arguments and ask the person again";
      }
      return undefined;
    },
  };
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortedKeys((value as Record<string, unknown>)[key])]),
  );
}
