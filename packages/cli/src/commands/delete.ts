import { checkWithoutSending } from "../check-without-sending.js";
import { confirm } from "../confirm.js";
import { defineCommand } from "./command.js";

export const deleteCommand = defineCommand({
  name: "delete",
  label: "calls.delete",
  fields: { callId: "the call ID" },
  summary: "delete a call and its recording",
  args: ["ID"],
  flags: {
    yes: {
      type: "boolean",
      short: "y",
      description: "delete without asking; needed when there is no terminal to ask on",
    },
  },
  examples: ["sigmamind calls delete call-AuUKK371Spr5nHJS", "sigmamind calls delete call-AuUKK371Spr5nHJS --yes"],
  async run({ flags, args: [callId = ""], connect, io, usingMock }) {
    const client = await connect();
    // On the mock nothing real happens, so there is nothing to confirm.
    if (!flags.yes && !usingMock) {
      await checkWithoutSending((signal) => client.calls.delete(callId, { signal }));
      await confirm(io, {
        question: `Delete call ${callId} and its recording?`,
        consequence: "calls delete deletes a call and its recording for good",
        howToConfirm: "pass --yes to delete it",
        notDone: `call ${callId} was not deleted`,
      });
    }
    await client.calls.delete(callId);
    await io.stdout.write(`Deleted call ${callId}.\n`);
  },
});
