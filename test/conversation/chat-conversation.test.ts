/**
 * The conversation through BriefingService (what Slack and Teams call) over the real embedded store:
 * every intent, "tell me more" without repeats, memory per conversation, shared by replicas,
 * forgotten after 30 minutes, and a failing memory that never costs the reply.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answers/answer-question.js";
import { BriefingService } from "../../src/briefing-service.js";
import { parseCommand } from "../../src/commands/parse-command.js";
import type { Conversation } from "../../src/conversation/conversation.js";
import { answerReply } from "../../src/replies/answer-reply.js";
import { plainRuns, type Reply } from "../../src/reply.js";
import { openEmbeddedStore } from "../../src/store/embedded/open-embedded-store.js";
import type { Store } from "../../src/store/store.js";
import { FIXED_NOW, libraryOf, makeDocument, onDay, paragraphs, seedLibrary } from "../helpers/factories.js";

const MINUTE = 60_000;
const later = (ms: number) => new Date(FIXED_NOW.getTime() + ms);
const QUESTION = "How much is the new AI lung cancer funding?";
const LUNG = "nhe-21m-ai-lung-cancer";

function place(channelId: string, extra: Partial<Conversation> = {}): Conversation {
  return {
    platform: "slack",
    channelId,
    userId: "U1",
    scope: "personal",
    mayManageChannel: async () => true,
    ...extra,
  };
}

/** Everything a person reads in the reply. */
function shownText(reply: Reply): string {
  return [
    reply.title,
    ...reply.sections.flatMap((s) => [
      s.heading ? plainRuns(s.heading) : "",
      ...s.blocks.map((b) =>
        b.type === "bullets" ? b.items.map((i) => plainRuns(i.runs)).join("\n") : plainRuns(b.runs),
      ),
    ]),
  ].join("\n");
}

/** The quoted sentences of an answer-like reply (its bullets, or its citations' quotes). */
function quotedOf(reply: Reply): string[] {
  const bullets = reply.sections.flatMap((s) =>
    s.blocks.flatMap((b) => (b.type === "bullets" ? b.items.map((i) => plainRuns(i.runs)) : [])),
  );
  return bullets.length ? bullets : reply.citations.map((c) => c.quote);
}

let dataDir: string;
let store: Store;
let chat: BriefingService;
const library = seedLibrary();

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "nhsai-conversation-"));
  store = await openEmbeddedStore({ dataDir, now: FIXED_NOW });
  chat = new BriefingService(library, { store });
});
afterAll(async () => {
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("intents through BriefingService", () => {
  it("greets with what it can do in one line, and answers thanks, without quoting anything", async () => {
    const hello = await chat.handle(parseCommand("Hi there!"), { conversation: place("D-hello"), now: FIXED_NOW });
    expect(hello.kind).toBe("text");
    expect(shownText(hello)).toMatch(/Hello!.*what's new.*funding.*question/s);
    const thanks = await chat.handle(parseCommand("cheers, that's helpful"), {
      conversation: place("D-hello"),
      now: FIXED_NOW,
    });
    expect(shownText(thanks)).toMatch(/welcome/i);
    expect(thanks.citations).toEqual([]);
    // `help` is still the command list.
    expect((await chat.handle(parseCommand("help"), { conversation: place("D-hello"), now: FIXED_NOW })).kind).toBe(
      "help",
    );
  });

  it("answers 'what's new' with the same digest `digest` gives, and 'any news on cyber?' with the topic briefing", async () => {
    const digest = await chat.handle(parseCommand("digest"), { conversation: place("D-news"), now: FIXED_NOW });
    for (const typed of ["what's new?", "latest news", "anything new this week?"]) {
      const reply = await chat.handle(parseCommand(typed), { conversation: place("D-news"), now: FIXED_NOW });
      expect(reply.kind).toBe("digest");
      expect(reply.sections).toEqual(digest.sections);
    }
    const cyber = await chat.handle(parseCommand("cyber"), { conversation: place("D-news"), now: FIXED_NOW });
    const asked = await chat.handle(parseCommand("any news on cyber?"), {
      conversation: place("D-news"),
      now: FIXED_NOW,
    });
    expect(asked.kind).toBe("briefing");
    expect(asked).toEqual(cyber);
    const funding = await chat.handle(parseCommand("what's happening with funding"), {
      conversation: place("D-news"),
      now: FIXED_NOW,
    });
    expect(funding.kind === "briefing" && funding.topic).toBe("funding");
  });

  it("summarises an article named in the user's words, cited, with its key sentences verbatim", async () => {
    const reply = await chat.handle(parseCommand("summarise the charter article"), {
      conversation: place("D-sum"),
      now: FIXED_NOW,
    });
    expect(reply.kind).toBe("answer");
    expect(reply.citations).toHaveLength(1);
    expect(reply.citations[0]?.documentId).toBe("nhe-i-ai-nhse-collaboration-charter");
    const text = library
      .get("nhe-i-ai-nhse-collaboration-charter")
      ?.document.paragraphs.map((p) => p.text)
      .join(" ");
    for (const quote of quotedOf(reply)) expect(text?.replace(/\s+/g, " ")).toContain(quote);
    const byPublisher = await chat.handle(parseCommand("what's the gist of the Health Foundation piece?"), {
      conversation: place("D-sum"),
      now: FIXED_NOW,
    });
    expect(byPublisher.citations[0]?.documentId).toBe("health-foundation-tech-ai-new-government");
  });

  it("asks 'which one?' when several articles fit, and says honestly when none does", async () => {
    const several = await chat.handle(parseCommand("summarise the National Health Executive article"), {
      conversation: place("D-which"),
      now: FIXED_NOW,
    });
    expect(several.title).toBe("Which one?");
    expect(shownText(several)).toMatch(/£21m AI investment/);
    expect(shownText(several)).toMatch(/Collaboration Charter/);
    expect(several.citations).toEqual([]);
    // What it offers to type picks that article.
    const offered = several.sections[0]?.blocks.find((b) => b.type === "bullets");
    const pick =
      offered?.type === "bullets"
        ? offered.items.map((item) => item.runs[0]?.text).find((t) => t?.includes("Collaboration Charter"))
        : undefined;
    expect(pick).toMatch(/^summarise /);
    const picked = await chat.handle(parseCommand(pick ?? ""), { conversation: place("D-which"), now: FIXED_NOW });
    expect(picked.citations[0]?.documentId).toBe("nhe-i-ai-nhse-collaboration-charter");
    const none = await chat.handle(parseCommand("tell me about the quantum computing piece"), {
      conversation: place("D-which"),
      now: FIXED_NOW,
    });
    expect(shownText(none)).toMatch(/I don't hold an article about “the quantum computing piece”/);
    expect(none.citations).toEqual([]);
  });

  it("leaves questions that look like intents to the answer engine", async () => {
    for (const question of [
      "What are the latest figures on the AI lung cancer funding?",
      "what's new about the FDP contract value?",
      "Is there more funding for trusts?",
      "tell me about my CT scan results",
    ]) {
      const reply = await chat.handle(parseCommand(question), { conversation: place("D-q"), now: FIXED_NOW });
      expect(reply).toEqual(answerReply(answerQuestion(library, question)));
    }
  });
});

describe("any message, any order", () => {
  it("always gets a reply, and a quoted reply always quotes its article verbatim", async () => {
    const said = fc.constantFrom(
      "hi",
      "thanks",
      "what's new?",
      "more",
      "tell me more",
      "summarise it",
      "news on cyber",
      "summarise the charter article",
      "tell me about the NHS piece",
      QUESTION,
      "Who signed the charter?",
      "",
      "funding",
    );
    const texts = new Map(
      library.all().map((e) => [
        e.document.id,
        e.document.paragraphs
          .map((p) => p.text)
          .join(" ")
          .replace(/\s+/g, " "),
      ]),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(said, fc.string({ maxLength: 40 })), { minLength: 1, maxLength: 6 }),
        async (turns) => {
          const here = place(`D-prop-${Math.random().toString(36).slice(2)}`);
          for (const [i, typed] of turns.entries()) {
            const reply = await chat.handle(parseCommand(typed), { conversation: here, now: later(i * MINUTE) });
            expect(reply.title.length).toBeGreaterThan(0);
            if (reply.kind !== "answer") continue;
            for (const c of reply.citations)
              for (const part of c.quote.split(/\s*…\s*/)) expect(texts.get(c.documentId)).toContain(part);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("tell me more after a digest or a topic briefing", () => {
  const subjects = [
    ["pathology", "A cyberattack on a pathology supplier disrupted blood tests at London hospitals."],
    ["scribes", "New guidance tells trusts how to assess ambient voice scribes before using them."],
    ["app", "The NHS App now lets millions more patients order repeat prescriptions online."],
    ["discharge", "An AI discharge tool cut the time patients wait to leave hospital in a pilot."],
    ["platform", "The federated data platform contract passed its first year with 90 trusts signed up."],
    ["epr", "Three trusts switched on a shared electronic patient record over a single weekend."],
    ["wifi", "Community nurses in Cumbria got reliable mobile connectivity for home visits."],
  ];
  const news = new BriefingService(
    libraryOf(
      ...subjects.map(([id, sentence], i) =>
        makeDocument({
          id: `story-${id}`,
          title: `${sentence?.split(" ").slice(0, 8).join(" ")}`,
          published: onDay(`2026-11-${String(10 + i).padStart(2, "0")}`),
          paragraphs: paragraphs(sentence ?? "", "Officials said more details would follow later this year."),
        }),
      ),
    ),
  );

  it("brings the next stories after 'what's new', never one already carried", async () => {
    const newsChat = new BriefingService(news.library, { store });
    const first = await newsChat.handle(parseCommand("what's new?"), {
      conversation: place("D-digest-more"),
      now: FIXED_NOW,
    });
    const next = await newsChat.handle(parseCommand("more"), {
      conversation: place("D-digest-more"),
      now: later(MINUTE),
    });
    const ids = (reply: Reply) => (reply.kind === "digest" ? reply.digest.items.map((i) => i.documentId) : []);
    expect(ids(first)).toHaveLength(5);
    expect(ids(next)).toHaveLength(2);
    expect(new Set([...ids(first), ...ids(next)]).size).toBe(7);
    const none = await newsChat.handle(parseCommand("more"), {
      conversation: place("D-digest-more"),
      now: later(2 * MINUTE),
    });
    expect(ids(none)).toEqual([]);
  });

  it("shows every fact after a topic briefing that left some out, then says that is all", async () => {
    const briefing = await chat.handle(parseCommand("any news on strategy?"), {
      conversation: place("D-topic-more"),
      now: FIXED_NOW,
    });
    if (briefing.kind !== "briefing") throw new Error(`expected a briefing, got ${briefing.kind}`);
    expect(briefing.shown).toBeLessThan(briefing.total);
    const all = await chat.handle(parseCommand("tell me more"), {
      conversation: place("D-topic-more"),
      now: later(MINUTE),
    });
    const typed = await chat.handle(parseCommand("strategy all"), {
      conversation: place("D-elsewhere"),
      now: later(MINUTE),
    });
    expect(all.sections).toEqual(typed.sections);
    expect(all.citations).toEqual(typed.citations);
    expect(all.actions.map((a) => a.type)).not.toContain("share");
    const end = await chat.handle(parseCommand("more"), {
      conversation: place("D-topic-more"),
      now: later(2 * MINUTE),
    });
    expect(shownText(end)).toMatch(/That's everything I hold on strategy/);
  });
});

describe("tell me more", () => {
  it("goes on with the last answer's article, never repeating a sentence, until there is nothing more", async () => {
    const here = place("D-more");
    const answer = await chat.handle(parseCommand(QUESTION), { conversation: here, now: FIXED_NOW });
    expect(answer.citations[0]?.documentId).toBe(LUNG);
    const seen = new Set(answer.citations[0]?.quote.split(/\s*…\s*/));
    let replies = 0;
    for (let turn = 0; turn < 12; turn += 1) {
      const more = await chat.handle(parseCommand(turn % 2 ? "tell me more" : "more"), {
        conversation: here,
        now: later(turn * MINUTE),
      });
      if (more.kind === "answer" && more.abstained) {
        expect(shownText(more)).toMatch(/That's everything I can quote/);
        break;
      }
      replies += 1;
      expect(more.citations[0]?.documentId).toBe(LUNG);
      for (const quote of quotedOf(more)) {
        expect(seen.has(quote)).toBe(false);
        seen.add(quote);
      }
    }
    expect(replies).toBeGreaterThanOrEqual(2);
  });

  it("summarises 'it': the article of the last answer", async () => {
    await chat.handle(parseCommand(QUESTION), { conversation: place("D-it"), now: FIXED_NOW });
    const summary = await chat.handle(parseCommand("summarise it"), {
      conversation: place("D-it"),
      now: later(MINUTE),
    });
    expect(summary.citations[0]?.documentId).toBe(LUNG);
    // Sharing re-runs what was typed: "summarise it" would mean something else in the channel.
    expect(summary.actions.map((a) => a.type)).toEqual(["feedback", "feedback"]);
    const named = await chat.handle(parseCommand("summarise the lung cancer story"), {
      conversation: place("D-it"),
      now: later(MINUTE),
    });
    expect(named.actions.map((a) => a.type)).toContain("share");
    const more = await chat.handle(parseCommand("more"), { conversation: place("D-it"), now: later(2 * MINUTE) });
    expect(more.actions.map((a) => a.type)).not.toContain("share");
    await chat.handle(parseCommand("what's new"), { conversation: place("D-it"), now: later(3 * MINUTE) });
    const next = await chat.handle(parseCommand("more"), { conversation: place("D-it"), now: later(4 * MINUTE) });
    expect(next.kind).toBe("digest");
    expect(next.actions.map((a) => a.type)).not.toContain("share");
    expect(shownText(summary)).toMatch(/^Summary of “New £21m AI investment/m);
  });

  it("asks 'more about what?' with no last answer", async () => {
    const reply = await chat.handle(parseCommand("go on"), { conversation: place("D-fresh"), now: FIXED_NOW });
    expect(shownText(reply)).toMatch(/More about what\?/);
    expect(reply.citations).toEqual([]);
  });

  it("remembers per conversation: another DM, channel, thread or platform does not see it", async () => {
    await chat.handle(parseCommand(QUESTION), { conversation: place("D-one"), now: FIXED_NOW });
    const elsewhere = [
      place("D-two"),
      place("D-one", { platform: "teams" }),
      place("D-one", { thread: "1700000000.1" }),
      place("C-one", { scope: "channel" }),
    ];
    for (const conversation of elsewhere) {
      const reply = await chat.handle(parseCommand("more"), { conversation, now: later(MINUTE) });
      expect(shownText(reply)).toMatch(/More about what\?/);
    }
    expect(
      (await chat.handle(parseCommand("more"), { conversation: place("D-one"), now: later(MINUTE) })).citations[0]
        ?.documentId,
    ).toBe(LUNG);
  });

  it("answers a channel @mention's 'more' in its thread and in the channel", async () => {
    const mention = place("C-threads", { scope: "channel", replyThread: "1700000000.5" });
    await chat.handle(parseCommand(QUESTION), { conversation: mention, now: FIXED_NOW });
    const inThread = place("C-threads", { scope: "channel", thread: "1700000000.5", replyThread: "1700000000.5" });
    expect(
      (await chat.handle(parseCommand("more"), { conversation: inThread, now: later(MINUTE) })).citations[0]
        ?.documentId,
    ).toBe(LUNG);
    const inChannel = place("C-threads", { scope: "channel", replyThread: "1700000000.9" });
    expect(
      (await chat.handle(parseCommand("more"), { conversation: inChannel, now: later(MINUTE) })).citations[0]
        ?.documentId,
    ).toBe(LUNG);
  });

  it("forgets after 30 minutes (an injected clock)", async () => {
    await chat.handle(parseCommand(QUESTION), { conversation: place("D-old"), now: FIXED_NOW });
    await chat.handle(parseCommand(QUESTION), { conversation: place("D-older"), now: FIXED_NOW });
    expect(
      (await chat.handle(parseCommand("more"), { conversation: place("D-old"), now: later(29 * MINUTE) })).citations,
    ).toHaveLength(1);
    const expired = await chat.handle(parseCommand("more"), {
      conversation: place("D-older"),
      now: later(30 * MINUTE),
    });
    expect(shownText(expired)).toMatch(/More about what\?/);
  });

  it("is shared by replicas: another BriefingService on the same store goes on", async () => {
    await chat.handle(parseCommand(QUESTION), { conversation: place("D-replica"), now: FIXED_NOW });
    const replicaStore = await openEmbeddedStore({ dataDir, now: FIXED_NOW });
    try {
      const replica = new BriefingService(seedLibrary(), { store: replicaStore });
      const more = await replica.handle(parseCommand("tell me more"), {
        conversation: place("D-replica"),
        now: later(MINUTE),
      });
      expect(more.citations[0]?.documentId).toBe(LUNG);
    } finally {
      await replicaStore.close();
    }
  });

  it("still replies when the memory cannot be read or written, and reports why", async () => {
    const failing: Store = {
      ...store,
      getConversationMemory: async () => {
        throw new Error("store unreachable");
      },
      saveConversationMemory: async () => {
        throw new Error("store unreachable");
      },
      saveConversationMemories: async () => {
        throw new Error("store unreachable");
      },
    };
    const errors: unknown[] = [];
    const broken = new BriefingService(library, { store: failing, onMemoryError: (e) => errors.push(e) });
    const answer = await broken.handle(parseCommand(QUESTION), { conversation: place("D-broken"), now: FIXED_NOW });
    expect(shownText(answer)).toMatch(/£21m/);
    expect(
      shownText(await broken.handle(parseCommand("more"), { conversation: place("D-broken"), now: FIXED_NOW })),
    ).toMatch(/More about what\?/);
    expect(errors).toHaveLength(2);
  });
});
