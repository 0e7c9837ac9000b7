#!/usr/bin/env python3
"""Gives survey rules short demo clocks for `make run`, through the survey admin API.

  demo-survey-rules.py BASE_URL DELAY SAMPLING JOURNEY...

A cx-admin access token comes from $WINDBELL_TOKEN. Lists the rules (GET /v1/rules, following nextCursor) and picks
every active rule whose filter names one of the JOURNEY codes or no journey at all (= any journey). For each: GET
/v1/rules/CODE (its ETag is the version), set "delay" to DELAY (ISO-8601, e.g. PT10S) and "samplingRate" to SAMPLING
(0..1), and PUT it back with If-Match: that ETag, which stores the next version. Journeys that end from then on are
surveyed a few seconds later instead of minutes or hours, and every one of them is (the contact budget still
applies: run.sh relaxes it for the demo). One line per rule says what changed. A rule that has these values already is
left alone (running `make run` again creates no new version); inactive rules are never switched on.

Exit status 1 when no rule matched or a rule could not be read or changed. Python 3 standard library only.
"""
import os
import sys
import urllib.parse

from demo_api import call

# fields the server assigns: sent back they would be ignored, so they are not sent
READ_ONLY = ("version", "createdAt", "createdBy", "updatedAt", "updatedBy")


def list_rules(base, token):
    """Every rule, or None when the list could not be read. Accepts a plain array or a page {items, nextCursor}."""
    rules, cursor = [], None
    while True:
        url = f"{base}/v1/rules" + ("?cursor=" + urllib.parse.quote(cursor) if cursor else "")
        status, _, doc = call("GET", url, token)
        if status != 200:
            print(f"  GET {url} answered {status or 'nothing'}: {doc}")
            return None
        if isinstance(doc, list):
            return rules + doc
        rules += doc.get("items", [])
        cursor = doc.get("nextCursor")
        if not cursor:
            return rules


def applies(rule, journeys):
    named = (rule.get("filter") or {}).get("journeys") or []
    return not named or any(code in journeys for code in named)


def same_sampling(a, b):
    try:
        return abs(float(a) - float(b)) < 1e-9
    except (TypeError, ValueError):
        return False


def demo_clocks(base, token, code, delay, sampling):
    """Returns True when the rule has the demo values afterwards."""
    url = f"{base}/v1/rules/{urllib.parse.quote(code)}"
    status, headers, doc = call("GET", url, token)
    if status != 200:
        print(f"  {code}: GET {url} answered {status or 'nothing'}: {doc}")
        return False
    before_delay, before_sampling = doc.get("delay"), doc.get("samplingRate")
    if before_delay == delay and same_sampling(before_sampling, sampling):
        print(f"  {code}: version {doc.get('version')} has the demo values already (delay {delay}, sampling {sampling})")
        return True
    doc["delay"] = delay
    doc["samplingRate"] = float(sampling)
    for field in READ_ONLY:
        doc.pop(field, None)
    status, _, changed = call("PUT", url, token, doc, {"If-Match": headers.get("ETag", "")})
    if status != 200:
        print(f"  {code}: PUT {url} answered {status or 'nothing'}: {changed}")
        return False
    version = changed.get("version") if isinstance(changed, dict) else "?"
    journeys = ",".join((doc.get("filter") or {}).get("journeys") or []) or "any"
    print(f"  {code} ({doc.get('trigger')}, journeys {journeys}): "
          f"version {headers.get('ETag', '?').strip(chr(34))} -> {version}: delay {before_delay} -> {delay}, "
          f"sampling {before_sampling} -> {sampling}")
    return True


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    base, delay, sampling, journeys = argv[1].rstrip("/"), argv[2], argv[3], set(argv[4:])
    token = os.environ.get("WINDBELL_TOKEN")
    if not token:
        sys.exit("demo-survey-rules.py: set WINDBELL_TOKEN to a cx-admin access token")
    rules = list_rules(base, token)
    if rules is None:
        return 1
    chosen = [r for r in rules if r.get("active", True) and applies(r, journeys)]
    if not chosen:
        print(f"  no active rule for {' '.join(sorted(journeys))} or any journey among {len(rules)} rules")
        return 1
    ok = [demo_clocks(base, token, r["code"], delay, sampling) for r in chosen]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
