/**
 * What someone means by a message that is not a question for the answer engine: a greeting,
 * thanks, "what's new", "news on <topic>", "summarise <article>" or "tell me more". Recognised by
 * small grammars over word classes (courtesy words, news nouns, time qualifiers), not by lists of
 * whole sentences, so casual typing ("hiya!", "ta", "anything new this wk?") still lands. A
 * message with words the grammar does not account for is a question: "what's new about the FDP
 * contract value?" goes to the answerer.
 */

import { isClinicalQuestion } from "../answers/clinical-guard.js";
import { editDistance, typoTolerance } from "../commands/edit-distance.js";
import type { Command } from "../commands/parse-command.js";
import { findTopic, type TopicId } from "../knowledge/topics.js";
import {
  GENERIC_TOPIC_WORDS,
  GREETING_FILLER,
  GREETS,
  MORE_WORDS,
  THANKS,
  THANKS_FILLER,
} from "./conversation-words.js";

export type Intent =
  | { kind: "greeting" }
  | { kind: "thanks" }
  | { kind: "whats_new" }
  | { kind: "topic_news"; topic: TopicId }
  /** `subject` names the article in the user's words; null means "the one we were talking about". */
  | { kind: "summarise"; subject: string | null }
  | { kind: "more" };

/** The longest message read for an intent: room for "summarise" and a whole headline. */
const MAX_INTENT_LENGTH = 300;

/** "how are you", "how's it going", "what's up": small talk that greets without a greeting word. */
const SMALL_TALK = /\bhow\b.*\b(?:you|u|going)\b|\bwhat'?s up\b|\bsup\b/;

/** Words that ask for news; "what's new", "latest", "any updates". */
const NEWS_NOUNS = /\b(?:new|news|latest|headlines?|updates?|happening|going on|stories|developments)\b/;
/** Openers around a request for news: "what's", "is there any", "give me the", "catch me up on". */
const NEWS_OPENER =
  /^(?:(?:so|ok|okay|right|and|well)\s+)?(?:(?:w(?:h|ha)?at|wot)(?:'s| is| are|s)?(?: been)?|anything|any|got any|is there any(?:thing)?|are there any|have you got any|do you have any|show me(?: the)?|give me(?: the)?|get me(?: the)?|tell me(?: the)?|catch me up(?: on)?|what have we got|the|today's|todays|this week's|this weeks|this morning's)?\s*/;
const NEWS_WORDS =
  /^(?:(?:the\s+)?(?:very\s+)?(?:new|news|latest(?: (?:news|headlines|stories|updates))?|headlines?|updates?|happening|going on|stories|developments|new stuff|new things)|new(?:s)? and (?:notable|noteworthy))\b\s*/;
/** Time and scope words that do not narrow the news to a topic: "this week", "in AI", "for me". */
const QUALIFIER =
  /^(?:today|tonight|this (?:week|wk|morning|month|afternoon)|lately|recently|right now|at the moment|atm|so far|of late|since (?:yesterday|monday|last week)|(?:for|with) (?:me|us|you)|(?:do|have|did|can) (?:you|we) (?:have|got|know|hold|heard)|(?:have )?you got|is there|are there|(?:in|on|about|around) (?:the )?(?:news|library|world of \w+|ai|a\.i\.|artificial intelligence|digital(?: health)?|nhs(?: digital| tech| ai)?|health ?tech|healthcare|tech)|(?:on|in) (?:your|the) (?:radar|feed)|then|please|pls|plz|again|at all|around|out there|worth knowing|i should know(?: about)?|(?:in|from) (?:the )?nhs)\b\s*/;
/** "cyber news", "funding updates": a topic named before the news noun. */
const TOPIC_BEFORE_NOUN = /^(.+?)\s+(?:news|updates?|stories|headlines|developments)$/;
/** "on cyber", "about funding", "with AI regulation", "re workforce", "for diagnostics". */
const TOPIC_LEAD = /^(?:on|about|around|with|re|regarding|in|for|from|concerning)\s+(?:the\s+)?/;

/** "summarise …", "tell me about …", "what's the gist of …": the rest names the article. */
const SUMMARISE =
  /^(?:summari[sz]e|sum up|recap|(?:run|walk|take) me through|overview of|(?:a |the )?(?:quick |short |brief )?(?:summary|gist|rundown|lowdown|low-down|synopsis|tl;?dr) (?:of|on)|give me (?:a|an|the) (?:quick |short |brief )?(?:summary|gist|overview|rundown|run-down|lowdown|low-down|synopsis|recap|tl;?dr|key points|main points|highlights) (?:of|on|from|for)|(?:what's|what is|whats) the (?:gist|summary|story|tl;?dr|upshot|rundown|lowdown|low-down) (?:of|on|with|behind)|tell me (?:a bit |a little )?(?:more )?about|brief me on|fill me in on|tl;?dr(?: of| on)?|(?:key|main) points (?:of|from))\s+(.+)$/;
/** "what is the charter article about?", "what does the NHS App piece say?" */
const ABOUT_ARTICLE =
  /^(?:what(?:'s| is|s)|whats) (?:the|that|this) (.+?) (?:article|piece|story|report|post|blog|item|note|write-?up|explainer|op-?ed|one) about$|^what does (?:the|that|this) (.+?) (?:article|piece|story|report|post|blog|item|note|write-?up|explainer|op-?ed) say$/;

/** Words that point back to the conversation, not to an article: "tell me about it". */
const BACK_REFERENCE =
  /^(?:it|that|this|that one|this one|that article|this article|that story|the last one|the above)$/;

/** What makes a message of MORE_WORDS a request for more. */
const MORE_MARKERS =
  /\b(?:more|continue|else|expand|elaborate|deeper|further|next|keep going|go on|carry on|read on)\b/;

/**
 * The intent of a message the command grammar read as a question, a near-miss or `help` (which
 * "hi" and "hello" are to it); real commands (`digest`, `funding`, `help`) stay commands.
 */
export function intentOf(command: Command): Intent | null {
  if (command.kind === "ask") return recogniseIntent(command.question);
  if (command.kind === "unknown") return recogniseIntent(command.input);
  if (command.kind === "help" && command.said)
    return recogniseIntent(command.said)?.kind === "greeting" ? { kind: "greeting" } : null;
  return null;
}

/** The words an intent was read from: the question, the near-miss, or what asked for help. */
export function intentWords(command: Command): string {
  if (command.kind === "ask") return command.question;
  if (command.kind === "unknown") return command.input;
  return command.kind === "help" ? (command.said ?? "") : "";
}

/**
 * About the asker rather than the news ("tell me about my scan results", "any news on my
 * prescription?"): never summarised or briefed, so the answer engine's clinical guard sees it.
 */
const PERSONAL = /\b(?:i|i'm|im|i've|me|my|mine|myself)\b/;

/** Recognises an intent in what was typed; null for a question (or anything else). Never throws. */
export function recogniseIntent(typed: string): Intent | null {
  // Intents are said in a few words; a long message is a question (and no pattern runs on it).
  if (typed.length > MAX_INTENT_LENGTH) return null;
  const plain = wordsOf(typed);
  if (!plain) return null;
  // Greeting and thanks words are matched with a typo's slack ("helo", "thnks"); fillers exactly.
  const said = plain.split(" ");
  // Only a message of courtesy words but one or two is worth the edit distances.
  const unknown = said.filter((w) => !GREETING_FILLER.has(w) && !THANKS_FILLER.has(w)).length;
  const words =
    said.length <= MAX_COURTESY_WORDS && unknown > 0 && unknown <= 2
      ? said.map((w) => nearestCourtesyWord(w) ?? w)
      : said;
  if (onlyWords(words, GREETING_FILLER) && (words.some((w) => GREETS.has(w)) || SMALL_TALK.test(plain)))
    return { kind: "greeting" };
  if (onlyWords(words, THANKS_FILLER) && words.some((w) => THANKS.has(w))) return { kind: "thanks" };
  const text = withoutCourtesy(plain);
  const rest = withoutGreeting(text);
  if (rest !== text) return recogniseIntent(rest);
  return more(text) ?? summarise(text) ?? news(text);
}

/** Lower case, typographic quotes folded, a leading bot name and punctuation dropped. */
function wordsOf(typed: string): string {
  return typed
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032`]/g, "'")
    .replace(/^\s*(?:@?\/?nhsai\b[:,]?)\s*/, "")
    .replace(/[^\p{L}\p{N}'&;.\s-]+/gu, " ")
    .replace(/(?:^|\s)[.-]+(?=\s|$)/g, " ")
    .replace(/\.+(?=\s|$)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "could you please …", "… thanks": padding around a request. */
function withoutCourtesy(text: string): string {
  return (
    text
      .replace(
        /^(?:please |pls |plz |(?:can|could|would|will) you (?:please )?|i'd like (?:to (?:know|hear|see) )?|i want (?:to (?:know|hear|see) )?|let me (?:know|see|hear) )+/,
        "",
      )
      // "summarise the deal story for me": who it is for, not what it is about.
      .replace(/(?: (?:please|pls|plz|thanks|thank you|ta|cheers|for me|for us))+$/, "")
      .trim()
  );
}

/** Greeting and thanks words long enough that a typo of one is not another word. */
const COURTESY_WORDS = [...GREETS, ...THANKS].filter((w) => w.length >= 5);

/** The greeting or thanks word `word` is a typo of, if any. */
function nearestCourtesyWord(word: string): string | null {
  if (word.length < 4 || GREETING_FILLER.has(word) || THANKS_FILLER.has(word)) return null;
  const tolerance = typoTolerance(word.length);
  return (
    COURTESY_WORDS.find((w) => Math.abs(w.length - word.length) <= tolerance && editDistance(w, word) <= tolerance) ??
    null
  );
}

/** A greeting or thanks is a few words: longer messages are not read as one. */
const MAX_COURTESY_WORDS = 8;

function onlyWords(words: readonly string[], allowed: ReadonlySet<string>): boolean {
  return words.length > 0 && words.length <= MAX_COURTESY_WORDS && words.every((w) => allowed.has(w));
}

/**
 * "hi there, what's new" → "what's new", "thanks! tell me more" → "tell me more": a greeting or
 * thanks in front of a request is only politeness.
 */
const COURTESY_LEAD =
  /^(?:(?:good )?(?:hi|hii|hello|hullo|hey|heya|hiya|howdy|yo|morning|afternoon|evening)(?: there| all| team| everyone| folks| nhsai| bot)*|(?:ok |okay |great |brilliant )?(?:thanks|thank you|thx|ta|cheers)(?: so much| a lot| very much)?)\s+(.+)$/;

function withoutGreeting(text: string): string {
  return COURTESY_LEAD.exec(text)?.[1] ?? text;
}

function more(text: string): Intent | null {
  const words = text.split(" ");
  if (words.length > 9 || !words.every((w) => MORE_WORDS.has(w)) || !MORE_MARKERS.test(text)) return null;
  return { kind: "more" };
}

function summarise(text: string): Intent | null {
  const match = SUMMARISE.exec(text) ?? ABOUT_ARTICLE.exec(text);
  const subject = (match?.[1] ?? match?.[2] ?? "").trim();
  if (!match || !subject || PERSONAL.test(subject) || isClinicalQuestion(text)) return null;
  if (BACK_REFERENCE.test(subject)) return { kind: "summarise", subject: null };
  // "tell me about funding" is the topic's briefing, not an article's summary.
  const topic = topicNamed(subject);
  if (topic) return { kind: "topic_news", topic };
  return { kind: "summarise", subject };
}

/** "what's new", "latest news this week", "any news on cyber?", "what's happening with funding". */
function news(text: string): Intent | null {
  if (!NEWS_NOUNS.test(text)) return null;
  let rest = text.replace(NEWS_OPENER, "");
  if (PERSONAL.test(rest) || isClinicalQuestion(text)) return null;
  // "any cyber news?", "the latest funding updates": the topic before the news noun.
  const before = TOPIC_BEFORE_NOUN.exec(rest.replace(/^(?:the\s+)?latest\s+/, "").replace(TRAILING_TIME, ""));
  const named = before?.[1] ? topicNamed(before[1]) : null;
  if (named) return { kind: "topic_news", topic: named };
  const withNoun = rest.replace(NEWS_WORDS, "");
  if (withNoun === rest) return null;
  rest = stripQualifiers(withNoun);
  if (rest === "") return { kind: "whats_new" };
  const lead = TOPIC_LEAD.exec(rest);
  if (!lead) return null;
  const topic = topicNamed(stripQualifiers(rest.slice(lead[0].length), true));
  return topic ? { kind: "topic_news", topic } : null;
}

/** "… this week", "… today": time words at the end of a request. */
const TRAILING_TIME = /\s+(?:today|this (?:week|wk|month|morning)|lately|recently|please|then)$/;

function stripQualifiers(text: string, fromEnd = false): string {
  let rest = text.trim();
  for (let previous = ""; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(QUALIFIER, "").trim();
    if (fromEnd) rest = rest.replace(TRAILING_TIME, "").replace(/\s+(?:news|stuff)$/, "");
  }
  return rest.trim();
}

/** A topic by any name the slash command knows ("cyber", "the money side"), or null. */
function topicNamed(phrase: string): TopicId | null {
  const cleaned = phrase
    .replace(/^(?:the|our|nhs)\s+/, "")
    .replace(/\s+(?:news|stuff|side|things|topic|front|world|space)$/, "")
    .trim();
  const whole = findTopic(cleaned)?.id;
  if (whole) return whole;
  // "cyber security", "AI ethics": every word that names a topic names the same one.
  const words = cleaned.split(" ").filter((w) => !GENERIC_TOPIC_WORDS.has(w));
  if (words.length === 0 || words.length > 3) return null;
  const topics = new Set(words.map((w) => findTopic(w)?.id ?? null));
  const [only] = topics;
  return topics.size === 1 && only ? only : null;
}
