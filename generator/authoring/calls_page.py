"""The call list as files: a CSV for spreadsheets and a printable page for the person calling.

Listing text is untrusted. The page is one standalone HTML file made with a Jinja2 template
whose autoescaping is on (never a string built by hand, never Markdown), and it loads nothing
from anywhere. CSV cells that a spreadsheet would run as a formula get a leading apostrophe.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import jinja2

from generator.authoring.calls import Call
from generator.model.links import tel_href
from generator.opendata import csvfile

CSV_COLUMNS = ("priority", "listing", "name", "state", "city", "time_zone", "phone",
               "intake_phones", "why", "ask", "last_verified", "record")

# Said once, at the top of the page: how to call an intake line without getting in its way.
SCRIPT = (
    "Call on a weekday between 10am and 4pm in the program's own time zone (shown with each "
    "number): intake lines are busiest when they open.",
    "Start with: \"Hello, I'm calling for {site}, a free public list of intensive outpatient "
    "programs. I'm not a patient and not calling about one. Is this a good moment for two "
    "minutes of questions about your program's schedule?\"",
    "If they are busy, or someone is waiting for help, say you will call back, ask when is "
    "better, and end the call. An intake line is for people seeking care first.",
    "Ask only what the sheet lists: the days and hours of each group, and whether they take "
    "new people now. Never ask for, write down or repeat anything about a patient.",
    "Thank them. Then record what they said with the command under each listing (and --by "
    "with your role or organisation). If nobody answered: iopdir record SLUG --unreachable.",
)

_PAGE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string("""\
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Call list{{ title_states }}, {{ today }}</title>
<style>
body { font: 16px/1.45 system-ui, sans-serif; margin: 1.5rem auto; max-width: 52rem;
       padding: 0 1rem; color: #111; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
ol.script li { margin: .25rem 0; }
article { border: 1px solid #777; border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0;
          break-inside: avoid; }
article h2 { font-size: 1.1rem; margin: 0 0 .25rem; }
.phone { font-size: 1.25rem; font-weight: 600; }
.why { color: #5a3500; }
.write { border-bottom: 1px solid #999; min-height: 1.6rem; margin: .2rem 0; }
code { font-size: .85rem; word-break: break-all; }
@media print { body { margin: 0; max-width: none; font-size: 12pt; } a { color: inherit;
  text-decoration: none; } }
</style>
</head>
<body>
<h1>Call list{{ title_states }}</h1>
<p>{{ calls | length }} listing{{ "" if calls | length == 1 else "s" }} to check, made
{{ today }}{% if left_out %} (the first {{ calls | length }} of {{ total }}){% endif %}.
Listings without a schedule come first, then the ones verified longest ago.</p>
<h2>Before you call</h2>
<ol class="script">{% for line in script %}<li>{{ line }}</li>{% endfor %}</ol>
{% for call in calls %}
<article>
<h2>{{ call.priority }}. {{ call.provider.name }}</h2>
<p class="phone"><a href="{{ tel(call.provider.phone) }}">{{ call.provider.phone }}</a>
{%- for other in call.provider.intake_phones %} or <a href="{{ tel(other) }}">{{ other }}</a>
{%- endfor %} <small>({{ call.zone }}; {{ call.provider.locations[0].city }},
{{ call.provider.locations[0].state }})</small></p>
<p class="why">Why: {{ call.reasons | join("; ") }}.</p>
<p>Ask:</p>
<ul>{% for question in call.questions %}<li>{{ question }}</li>{% endfor %}</ul>
<div class="write">Hours:</div>
<div class="write">Taking new people:</div>
<div class="write">Notes:</div>
<p>Then: <code>{{ call.record_command }}</code></p>
</article>
{% endfor %}
</body>
</html>
""")


def page(calls: Sequence[Call], today: dt.date, states: Sequence[str], total: int,
         site: str = "the IOP Program Finder") -> str:
    title_states = f" for {', '.join(states)}" if states else ""
    script = [line.replace("{site}", site) for line in SCRIPT]
    return _PAGE.render(calls=calls, today=today.isoformat(), title_states=title_states,
                        script=script, left_out=total > len(calls), total=total, tel=tel_href)


def csv_text(calls: Sequence[Call]) -> str:
    """Through the shared writer that keeps listing text from running as a formula."""
    return csvfile.table_csv(CSV_COLUMNS, (_row(call) for call in calls))


def _row(call: Call) -> tuple[object, ...]:
    provider, where = call.provider, call.provider.locations[0]
    return (call.priority, f"{provider.slug}.yaml", provider.name, where.state, where.city,
            call.zone, provider.phone, "; ".join(provider.intake_phones),
            "; ".join(call.reasons), " | ".join(call.questions), provider.last_verified,
            call.record_command)
