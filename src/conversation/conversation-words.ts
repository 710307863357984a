/**
 * The words the conversation's grammars are made of (src/conversation/intents.ts): general
 * English courtesy and conversation words, nothing about any article. A message made only of a
 * class's words (with one of its markers) is that intent.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(" "));

/** Words that greet: "hi", "good morning". */
export const GREETS = words("hi hii hello hullo hey heya hiya howdy yo greetings morning afternoon evening");

/** Words a greeting may carry besides greeting words: "hi there team, how are you?". */
export const GREETING_FILLER = new Set([
  ...GREETS,
  ...words(
    "good day there all team everyone folks nhsai bot again how are you u doing is it going hows how's whats what's up sup",
  ),
]);

/** Words of thanks: "thanks", "ta", "cheers". */
export const THANKS = words("thanks thank thankyou thx thnx thanx tnx ty ta cheers appreciated appreciate helpful");

/** Words thanks may carry: "ok great, thank you so much, that was really helpful". */
export const THANKS_FILLER = new Set([
  ...THANKS,
  ...GREETING_FILLER,
  ...words(
    "very so much many a lot lots loads mate great ok okay cool perfect brilliant lovely nice one awesome super excellent fab that that's thats was really i for the help info answer bye now done got ah oh",
  ),
]);

/** Words a request for more may be made of: "can you tell me a bit more about that?". */
export const MORE_WORDS = words(
  "more tell me us go on continue keep going carry what else anything detail details about it that this the article story piece expand elaborate say says does do and further deeper next you have can could give show a bit little some please pls plz ok okay then there is any from read",
);

/** Words that name no topic of their own in "AI ethics", "NHS digital workforce". */
export const GENERIC_TOPIC_WORDS = words("ai a.i. nhs digital health tech the and & uk");
