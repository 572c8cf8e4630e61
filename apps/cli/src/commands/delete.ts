import { defineCommand } from "./command.js";

export const deleteCommand = defineCommand({
  name: "delete",
  summary: "delete a call and its recording",
  args: ["ID"],
  flags: {},
  examples: ["sigmamind calls delete call-AuUKK371Spr5nHJS"],
  async run({ args: [callId = ""], connect, io: { stdout } }) {
    const client = await connect();
    await client.calls.delete(callId);
    await stdout.write(`Deleted call ${callId}.\n`);
  },
});
