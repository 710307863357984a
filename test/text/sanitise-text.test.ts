/** The one sanitiser: what a terminal or a chat client would act on, or hide, is gone; words stay. */

import { describe, expect, it } from "vitest";
import { neutraliseInput } from "../../src/commands/neutralise-input.js";
import { sanitiseText } from "../../src/text/sanitise-text.js";

const ESC = "\u001b";
const BEL = "\u0007";

describe("sanitiseText", () => {
  it.each([
    [`${ESC}]0;pwned${BEL}${ESC}[2JTrust wins £5m`, "Trust wins £5m"],
    [`${ESC}]8;;https://evil.example${ESC}\\NHS login${ESC}]8;;${ESC}\\`, "NHS login"],
    [`${ESC}[31;1mred${ESC}[0m text`, "red text"],
    [`\u009b2J\u009d0;title\u009cclean`, "clean"],
    [`${ESC}Pq#0;2;0;0;0${ESC}\\sixel gone`, "sixel gone"],
    [`${ESC}creset ${ESC}(Bcharset`, "reset charset"],
    [`unfinished ${ESC}[`, "unfinished "],
    ["line\u0000one\u0007two\u007fthree\u0085four\u2028five", "line one two three four five"],
    ["pay \u202Egnp.exe\u202C now", "pay gnp.exe now"],
    ["\u2066isolated\u2069 \u200Fmarks\u200E \u061Chere", "isolated marks here"],
    ["zero\u200Bwidth\u200C\u200D\u2060\uFEFFjoined", "zerowidthjoined"],
    ["NHS £21m for AI — “quotes” and émojis 😀 stay", "NHS £21m for AI — “quotes” and émojis 😀 stay"],
  ])("%j becomes %j", (raw, clean) => {
    expect(sanitiseText(raw)).toBe(clean);
  });
});

describe("text echoed back in chat", () => {
  it("loses bidi overrides, zero-width characters and escape sequences before anything is echoed", () => {
    expect(neutraliseInput(`fun\u200Bding \u202Eevil\u202C ${ESC}]0;x${BEL}${ESC}[2Jnow`)).toBe("funding evil now");
  });
});
