import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../../../lib/logger.ts";
import { executeCommand } from "../../../../bots/runtime/commands/execute-command.ts";
import { sampleContext, sampleRegistry } from "./sample-commands.ts";

const registry = sampleRegistry();

/** A logger whose output is kept, to check what reaches the logs. */
function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger({ name: "test", level: "debug", destination }), lines };
}

describe("executeCommand", () => {
  it("stays silent for ordinary messages", async () => {
    expect(await executeCommand(registry, "hello everyone", sampleContext())).toEqual({ kind: "silent" });
  });

  it("runs a permitted command with typed arguments", async () => {
    const ctx = sampleContext();
    const outcome = await executeCommand(registry, "!convene rsvp 12 MAYBE", ctx);
    expect(outcome).toEqual({
      kind: "reply",
      reply: { text: "Noted: maybe", html: "Noted: maybe" },
      outcome: "ok",
    });
    expect(ctx.services.calls).toEqual(["rsvp 12 maybe"]);
  });

  it("answers parse errors with the usage line and where to read more", async () => {
    const outcome = await executeCommand(registry, "!convene rsvp twelve yes", sampleContext());
    expect(outcome).toMatchObject({ kind: "reply", outcome: "parse-error" });
    expect(outcome.kind === "reply" ? outcome.reply.text : "").toBe(
      [
        'Argument `<id>`: "twelve" is not a whole number (expected a whole number, at least 1).',
        "Usage: `!convene rsvp <id> <yes|no|maybe>`, see `!help convene rsvp`",
      ].join("\n"),
    );
  });

  it("refuses without running the handler, naming the role or power level needed", async () => {
    const ctx = sampleContext({ roles: ["member"], powerLevel: 10 });
    const outcome = await executeCommand(registry, '!convene schedule "x" 2026-05-04T10:00Z', ctx);
    expect(outcome).toEqual({
      kind: "reply",
      outcome: "refused",
      reply: {
        text: "You cannot run `!convene schedule` here: this needs the organisers role or power level 50 in this room.",
        html: "You cannot run <code>!convene schedule</code> here: this needs the organisers role or power level 50 in this room.",
      },
    });
    expect(ctx.services.calls).toEqual([]);
    const admitted = sampleContext({ roles: ["member"], powerLevel: 50 });
    expect(await executeCommand(registry, '!convene schedule "x" 2026-05-04T10:00Z', admitted)).toMatchObject(
      {
        outcome: "ok",
      },
    );
  });

  it("turns a thrown handler into an apology and a logged error, without the message text", async () => {
    const { log, lines } = capturingLogger();
    const outcome = await executeCommand(registry, "!boom hunter2", sampleContext({ log }));
    expect(outcome).toMatchObject({ kind: "reply", outcome: "failed" });
    expect(outcome.kind === "reply" ? outcome.reply.text : "").toContain("Something went wrong");
    const logged = lines.join("");
    expect(logged).toContain("kaboom");
    expect(logged).toContain('"command":"boom"');
    expect(logged).not.toContain("hunter2");
  });

  it("never logs the text of a message that failed to parse", async () => {
    const { log, lines } = capturingLogger();
    const secret = "my-address-is-12-rose-street";
    for (const body of [
      `!kick ${secret}`,
      `!convene rsvp 1 ${secret}`,
      `!${secret}`,
      `!request --${secret} x`,
      `!convene schedule "${secret}`,
      `!convene rsvp ${secret} yes`,
    ]) {
      const outcome = await executeCommand(registry, body, sampleContext({ log }));
      expect(outcome).toMatchObject({ kind: "reply", outcome: "parse-error" });
    }
    expect(lines.length).toBe(6);
    expect(lines.join("")).not.toContain(secret);
  });

  it("passes a handler's own failure reply through", async () => {
    const { defineCommand, createCommandRegistry, reply } =
      await import("../../../../bots/runtime/commands/index.ts");
    const { err } = await import("../../../../lib/result.ts");
    const failing = createCommandRegistry([
      defineCommand({
        name: "close",
        summary: "Close a case",
        params: [],
        examples: ["close"],
        permission: "anyone",
        execute: () => Promise.resolve(err(reply`That case is already closed.`)),
      }),
    ]);
    expect(await executeCommand(failing, "!close", sampleContext())).toMatchObject({
      outcome: "failed",
      reply: { text: "That case is already closed." },
    });
  });
});
