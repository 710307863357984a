/**
 * The archive's Nunjucks templates, kept in code so the build ships them with dist/. They extend
 * one layout built from the NHS.UK design system's own macros; every `{{ value }}` is escaped
 * (the environment autoescapes), so article text and search text can never become markup.
 */

const LAYOUT = `
{%- from "nhsuk/components/skip-link/macro.njk" import skipLink -%}
{%- from "nhsuk/components/header/macro.njk" import header -%}
{%- from "nhsuk/components/footer/macro.njk" import footer -%}
<!DOCTYPE html>
<html lang="en-GB" class="nhsuk-template">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{{ pageTitle }} – NHS AI briefings</title>
  <link rel="stylesheet" href="/assets/nhsuk-frontend.min.css">
  <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml">
</head>
<body class="nhsuk-template__body">
{{ skipLink({ href: "#maincontent", text: "Skip to main content" }) }}
{{ header({
  service: { text: "NHS AI briefings", href: "/briefings" },
  logo: { ariaLabel: "NHS AI briefings: all briefings" },
  navigation: { ariaLabel: "Archive", items: [
    { text: "Briefings", href: "/briefings", current: section == "briefings" and atHome, active: section == "briefings" },
    { text: "Search the library", href: "/library", current: section == "library" and atHome, active: section == "library" }
  ] }
}) }}
<div class="nhsuk-width-container">
  {% block beforeContent %}{% endblock %}
  <main class="nhsuk-main-wrapper" id="maincontent" tabindex="-1">
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
{% block content %}{% endblock %}
      </div>
    </div>
  </main>
</div>
{{ footer({
  meta: { text: "Briefings written from published news by the nhsai bot. Not clinical advice." },
  copyright: { text: "nhsai, open source under the MIT licence" }
}) }}
</body>
</html>
`;

/** Text runs of the reply model as HTML: links (web addresses only), commands as searches, emphasis. */
const RUNS = `
{%- macro runs(list) -%}
{%- for run in list -%}
{%- if run.type == "link" and run.url | webLink -%}<a href="{{ run.url }}">{{ run.text }}</a>
{%- elif run.type == "command" -%}<a href="/library?q={{ run.text | urlencode }}"><code>{{ run.text }}</code></a>
{%- elif run.style == "strong" -%}<strong>{{ run.text }}</strong>
{%- else -%}{{ run.text }}
{%- endif -%}
{%- endfor -%}
{%- endmacro -%}
`;

const LIST = `
{%- extends "layout.njk" -%}
{%- from "nhsuk/components/pagination/macro.njk" import pagination -%}
{%- block content %}
<h1>Coffee Time briefings</h1>
<p class="nhsuk-lede-text">Every briefing the bot has posted to a channel, newest first.</p>
{% if briefings | length %}
<ul class="nhsuk-list">
{% for b in briefings %}
  <li class="nhsuk-card nhsuk-card--clickable">
    <div class="nhsuk-card__content">
      <h2 class="nhsuk-card__heading nhsuk-heading-m"><a class="nhsuk-card__link" href="/briefings/{{ b.id }}">{{ b.day }}</a></h2>
      <p class="nhsuk-card__description">{{ b.count }}{% if b.topics %} on {{ b.topics }}{% endif %}</p>
    </div>
  </li>
{% endfor %}
</ul>
<p class="nhsuk-body-s">Page {{ page }} of {{ pages }} ({{ total }} briefing{{ "" if total == 1 else "s" }}).</p>
{{ pagination({
  previous: { href: "/briefings?page=" ~ (page - 1), labelText: "Page " ~ (page - 1) } if page > 1 else undefined,
  next: { href: "/briefings?page=" ~ (page + 1), labelText: "Page " ~ (page + 1) } if page < pages else undefined
}) if pages > 1 }}
{% else %}
<p>No briefing has been posted yet. Subscribe a channel with <code>/nhsai subscribe</code> and its briefings will appear here.</p>
{% endif %}
{% endblock -%}
`;

const BRIEFING = `
{%- extends "layout.njk" -%}
{%- from "nhsuk/components/back-link/macro.njk" import backLink -%}
{%- block beforeContent %}{{ backLink({ href: "/briefings", text: "All briefings" }) }}{% endblock -%}
{%- block content %}
<h1>{{ title }}</h1>
<p class="nhsuk-lede-text">{{ intro }}</p>
{% for item in items %}
<article class="nhsuk-u-margin-bottom-6">
  <h2 class="nhsuk-heading-m">{% if item.url | webLink %}<a href="{{ item.url }}">{{ item.headline }}</a>{% else %}{{ item.headline }}{% endif %}</h2>
  <p>{{ item.summary }}</p>
  <p class="nhsuk-body-s nhsuk-u-secondary-text-colour">{{ item.publisher }} · {% if item.published %}<time datetime="{{ item.published }}">{{ item.publishedLabel }}</time>{% else %}{{ item.publishedLabel }}{% endif %}{% if item.topicLabels %} · {{ item.topicLabels }}{% endif %}</p>
  {% if item.others | length %}
  <p class="nhsuk-body-s">Also reported by
  {%- for s in item.others %}{{ "," if not loop.first }} {% if s.url | webLink %}<a href="{{ s.url }}">{{ s.publisher }}</a>{% else %}{{ s.publisher }}{% endif %} ({{ s.publishedLabel }}){% endfor %}</p>
  {% endif %}
</article>
{% endfor %}
<p class="nhsuk-body-s">First posted {{ postedAt }}.</p>
{% endblock -%}
`;

const LIBRARY = `
{%- extends "layout.njk" -%}
{%- from "runs.njk" import runs -%}
{%- from "nhsuk/components/input/macro.njk" import input -%}
{%- from "nhsuk/components/button/macro.njk" import button -%}
{%- block content %}
<h1>Search the library</h1>
<form action="/library" method="get" role="search" novalidate>
{{ input({
  label: { text: "Ask a question or name a topic", size: "s" },
  hint: { text: "A question about NHS AI and digital news, or a topic such as funding or workforce" },
  id: "q",
  name: "q",
  value: query,
  type: "search",
  spellcheck: true
}) }}
{{ button({ text: "Search" }) }}
</form>
{% if reply %}
<section aria-labelledby="result-title">
  <h2 id="result-title">{{ reply.title }}</h2>
  {% for section in reply.sections %}
    {% if section.heading %}<h3>{{ runs(section.heading) }}</h3>{% endif %}
    {% for block in section.blocks %}
      {% if block.type == "paragraph" %}<p>{{ runs(block.runs) }}</p>
      {% elif block.type == "note" %}<p class="nhsuk-body-s">{{ runs(block.runs) }}</p>
      {% elif block.type == "bullets" %}
      <ul class="nhsuk-list nhsuk-list--bullet">
        {% for item in block.items %}<li>{{ runs(item.runs) }}{% if item.citation != null and reply.citations[item.citation] %}{% set c = reply.citations[item.citation] %} <span class="nhsuk-body-s">({{ c.publisher }}, {{ c.publishedLabel }})</span>{% endif %}</li>
        {% endfor %}
      </ul>
      {% endif %}
    {% endfor %}
  {% endfor %}
  {% if reply.kind == "answer" and reply.citations | length %}
  <h3>Sources</h3>
  {% for c in reply.citations %}
  <figure class="nhsuk-inset-text nhsuk-u-margin-left-0 nhsuk-u-margin-right-0">
    <blockquote class="nhsuk-u-margin-0"><p>{{ c.quote }}</p></blockquote>
    <figcaption class="nhsuk-body-s">{% if c.url | webLink %}<a href="{{ c.url }}">{{ c.title }}</a>{% else %}{{ c.title }}{% endif %} — {{ c.publisher }}, {{ c.publishedLabel }}</figcaption>
  </figure>
  {% endfor %}
  {% endif %}
  {% for a in reply.actions %}{% if a.type == "show_more" %}
  <p><a href="/library?q={{ a.command | urlencode }}">{{ a.label }}</a></p>
  {% endif %}{% endfor %}
</section>
{% endif %}
{% endblock -%}
`;

const PROBLEM = `
{%- extends "layout.njk" -%}
{%- block content %}
<h1>{{ heading }}</h1>
<p>{{ message }}</p>
<p><a href="/briefings">See all briefings</a> or <a href="/library">search the library</a>.</p>
{% endblock -%}
`;

export const TEMPLATES: Readonly<Record<string, string>> = {
  "layout.njk": LAYOUT,
  "runs.njk": RUNS,
  "list.njk": LIST,
  "briefing.njk": BRIEFING,
  "library.njk": LIBRARY,
  "problem.njk": PROBLEM,
};
