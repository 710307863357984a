/**
 * The bot's turns, as botbuilder's ActivityHandler handlers: a tenant gate on every turn
 * (`onTurn`), messages and card submits (`onMessage`) answered through the BriefingService, installs,
 * uninstalls and membership changes (`onInstallationUpdate…`, `onMembers…`) kept in the store as
 * conversation references. Only activities that passed authentication (messages-route.ts) get
 * here, so only they can create a reference. A new handler is one more registration in the constructor.
 */

import {
  type Activity,
  ActivityHandler,
  ActivityTypes,
  type InvokeResponse,
  StatusCodes,
  type TurnContext,
} from "botbuilder";
import {
  type BriefingService,
  feedbackTargetOf,
  type Logger,
  parseCommand,
  type Reply,
  type Store,
  textReply,
} from "../../src/index.js";
import { conversationOf, mentionsBot } from "./incoming.js";
import { parseTeamsActivity } from "./parse.js";
import { ConversationReferences } from "./references.js";
import { cardActivity, renderCards } from "./render-card.js";
import { parseSubmitData } from "./submit-data.js";
import type { TeamsSender } from "./teams-sender.js";

export interface TeamsBotDeps {
  service: BriefingService;
  store: Store;
  sender: TeamsSender;
  now: () => Date;
  log: Logger;
  /** An answer not ready by then is sent later, proactively, after a typing indicator (Teams waits 10-15 s). */
  slowAfterMs?: number;
  /** Microsoft Entra tenant ids served (TEAMS_TENANTS, lower case); empty = any tenant. */
  tenants?: ReadonlySet<string>;
  /** False when no token vouches for the sender (TEAMS_LOCAL without an app id): their ids grant nothing. */
  verifiedSenders?: boolean;
  /** Told of an activity ignored on purpose (metrics). */
  ignored?: (reason: "foreign_tenant") => void;
  /** Editors' review buttons: a message that is a review click is theirs (true once answered). */
  review?: { handles(context: TurnContext): Promise<boolean> };
}

export class TeamsBot extends ActivityHandler {
  /** Answers still being worked on after their turn ended; `settle` waits for them. */
  private readonly pending = new Set<Promise<void>>();
  private readonly references: ConversationReferences;

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    const references = new ConversationReferences(deps.store);
    this.references = references;
    // First, for every activity: one from a tenant not served goes no further (not calling next).
    this.onTurn(async (context, next) => {
      if (this.servesTenantOf(context.activity)) await next();
    });
    this.onMessage(async (context, next) => {
      if (!(await deps.review?.handles(context))) await this.answer(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await references.remember(context.activity, deps.now());
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await references.forget(context.activity, deps.now());
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id))
        await references.remember(context.activity, deps.now());
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (context.activity.membersRemoved?.some((m) => m.id === context.activity.recipient.id))
        await references.forget(context.activity, deps.now());
      await next();
    });
  }

  /**
   * nhsai's cards use Action.Submit (a message), so it implements no invoke. botbuilder's own
   * invoke parsers read `value.action.type` and the like unchecked and threw on a value of the
   * wrong shape; every invoke is answered "not implemented" (501) without them.
   */
  protected override async onInvokeActivity(_context: TurnContext): Promise<InvokeResponse> {
    return { status: StatusCodes.NOT_IMPLEMENTED };
  }

  /**
   * False for an activity from a tenant not on TEAMS_TENANTS: no answer, no stored reference. A
   * valid token proves Teams sent it, not that the organisation is one this deployment serves.
   */
  private servesTenantOf(activity: Activity): boolean {
    const tenants = this.deps.tenants;
    if (!tenants || tenants.size === 0) return true;
    const tenant = tenantOf(activity);
    if (tenant && tenants.has(tenant)) return true;
    this.deps.log.warn("teams.foreign_tenant", { type: activity.type ?? null });
    this.deps.ignored?.("foreign_tenant");
    return false;
  }

  /** Resolves once every answer sent after its turn has gone out. */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }

  private async answer(context: TurnContext): Promise<void> {
    const { activity } = context;
    // A channel thread ("…;messageid=…") is a conversation of its own, with its own memory.
    const thread = activity.conversation?.id?.split(";messageid=")[1];
    const conversation = {
      ...conversationOf(activity, this.deps.verifiedSenders ?? true),
      ...(thread ? { thread } : {}),
    };
    // In channels and group chats Teams only sends @mentions; anything else is not for us.
    if (conversation.scope !== "personal" && !activity.value && !mentionsBot(activity)) return;
    await this.references.remember(activity, this.deps.now());
    const submit = parseSubmitData(activity.value);
    if (submit?.nhsai === "feedback") {
      await this.deps.service.recordFeedback(conversation, submit, submit.value, this.deps.now());
      await context.sendActivity("Thanks: your feedback is recorded.");
      return;
    }
    // A "Show more" button sends back the command it runs, as plain text.
    const command =
      submit?.nhsai === "command"
        ? submit.command
          ? parseCommand(submit.command)
          : null
        : parseTeamsActivity(activity);
    if (!command) return;
    const work = this.deps.service.handle(command, { conversation, now: this.deps.now() });
    const slow = delay(this.deps.slowAfterMs ?? 2_000);
    const ready = await Promise.race([work, slow.promise]).finally(slow.cancel);
    if (ready) {
      await context.sendActivities(renderCards(ready, feedbackTargetOf(ready)).map(cardActivity));
      return;
    }
    await context.sendActivity({ type: ActivityTypes.Typing });
    this.later(work, activity);
  }

  /** Sends the answer once ready, to the same conversation (or thread), outside the turn. */
  private later(work: Promise<Reply>, activity: Activity): void {
    const { serviceUrl, conversation } = activity;
    const send = (reply: Reply) =>
      this.deps.sender.deliver(serviceUrl, conversation.id, renderCards(reply, feedbackTargetOf(reply)));
    const job = work
      .catch((error: unknown) => {
        // The person saw a typing indicator: tell them briefly, never with the error's text.
        this.deps.log.error("teams.slow_answer_failed", { error: errorName(error) });
        return SORRY;
      })
      .then(send)
      .then(
        (outcome) => this.deps.log.info("teams.slow_answer", { state: outcome.state }),
        (error: unknown) => this.deps.log.error("teams.slow_answer_failed", { error: errorName(error) }),
      );
    this.pending.add(job);
    void job.finally(() => this.pending.delete(job));
  }
}

const SORRY: Reply = textReply(
  "Sorry, something went wrong on my side",
  "Please try again in a minute, or type `help`.",
);

/** Resolves to null after `ms`; `cancel` clears the timer, so a quick answer leaves none behind. */
function delay(ms: number): { promise: Promise<null>; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const promise = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
    timer.unref();
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** The tenant Teams says the activity comes from (channelData first, as Teams documents it). */
function tenantOf(activity: Activity): string | null {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = typeof fromChannelData === "string" ? fromChannelData : activity.conversation?.tenantId;
  return typeof id === "string" && id ? id.toLowerCase() : null;
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : "unknown");
