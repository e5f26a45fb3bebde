import { describe, expect, it } from "vitest";
import { replies } from "./replies";
import { suiteDatabase, TEST_PROVIDERS } from "./testing/database-suite";

describe.each(TEST_PROVIDERS)("replies to a waiting command on %s", (provider) => {
  const database = suiteDatabase(provider);

  it("reach the command on the same instance", async () => {
    const here = replies(database, { pollMs: 20 });
    const q = here.ask<{ line?: string }>("alice", {});
    await here.reply("alice", q.id, { line: "ls" });
    expect(await q.answer).toEqual({ line: "ls" });
  });

  it("reach the command on another instance through the database, once", async () => {
    const running = replies(database, { pollMs: 20, waitMs: 3000 });
    const other = replies(database, { pollMs: 20 });
    const q = running.ask<{ content?: string | null }>("alice", { content: null });
    await other.reply("alice", q.id, { content: "apiVersion: v1\n" });
    expect(await q.answer).toEqual({ content: "apiVersion: v1\n" });
    expect(await database().terminalReply.count({ where: { id: q.id } })).toBe(0);
  });

  it("ignore another user's answer, wherever it lands", async () => {
    const running = replies(database, { pollMs: 20, waitMs: 300 });
    const other = replies(database, { pollMs: 20 });
    const q = running.ask<{ line?: string; eof?: true }>("alice", { eof: true });
    await other.reply("mallory", q.id, { line: "rm -rf /" });
    await running.reply("mallory", q.id, { line: "rm -rf /" });
    expect(await q.answer).toEqual({ eof: true });
  });

  it("end an abandoned question as if the learner gave up", async () => {
    const controller = new AbortController();
    const q = replies(database, { pollMs: 20 }).ask("alice", { eof: true }, controller.signal);
    controller.abort();
    expect(await q.answer).toEqual({ eof: true });
  });
});
