/** Feed parsing details that real feeds exercise: character references, odd XML, entity bombs. */

import { expect, it } from "vitest";
import { readFeed } from "../../src/ingest/read-feed.js";

const rss = (items: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>A &amp; B News</title>${items}</channel></rss>`;

it("decodes character references in titles, and keeps HTML in CDATA for the article reader", () => {
  const feed = readFeed(
    rss(`<item><title>Trust&#8217;s plan &#x2013; &quot;AI first&quot;</title>
      <link>/stories/1?utm_source=rss&amp;id=2</link><author>news@b.example (Sam Lee)</author>
      <description><![CDATA[<p>Hello &nbsp; world</p>]]></description></item>`),
    "https://b.example/feed",
  );
  expect(feed).toEqual({
    ok: true,
    value: {
      title: "A & B News",
      items: [
        {
          title: 'Trust’s plan – "AI first"',
          link: "https://b.example/stories/1?id=2",
          published: null,
          authors: ["Sam Lee"],
          html: "<p>Hello &nbsp; world</p>",
        },
      ],
    },
  });
});

it("refuses XML that is not a feed, and feeds that declare entities", () => {
  expect(readFeed("<?xml version='1.0'?><html><body/></html>", "https://b.example/")).toEqual({
    ok: false,
    reason: "is XML, but not an RSS or Atom feed",
  });
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${rss("<item><title>&b;</title></item>")}`;
  expect(readFeed(bomb, "https://b.example/")).toMatchObject({
    ok: false,
    reason: expect.stringContaining("entities"),
  });
});
