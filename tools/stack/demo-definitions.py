#!/usr/bin/env python3
"""Gives journey definitions short clocks for the demo of `make run`, through the journey API.

  demo-definitions.py BASE_URL INACTIVITY GRACE CODE...

A cx-admin access token comes from $WINDBELL_TOKEN. For each CODE: GET /v1/definitions/CODE (its ETag
is the version), set every key node's inactivityTimeout to INACTIVITY and channelSwitchGrace to GRACE,
and PUT the result with If-Match: that ETag, which stores it as the next version. Journeys that start
from then on follow the new version, so a stall or an unanswered failure becomes an interruption
within minutes instead of hours. One line per definition says what changed. A definition that has
these clocks already is left alone (running `make run` again creates no new version).

Exit status 1 when a definition could not be read or changed. Python 3 standard library only.
"""
import os
import sys

from demo_api import call

# fields the server assigns: sent back they would be ignored, so they are not sent
READ_ONLY = ("version", "active", "createdAt", "createdBy")


def demo_clocks(base, token, code, inactivity, grace):
    """Returns True when the definition has the demo clocks afterwards."""
    url = f"{base}/v1/definitions/{code}"
    status, headers, doc = call("GET", url, token)
    if status != 200:
        print(f"  {code}: GET {url} answered {status or 'nothing'}: {doc}")
        return False
    keys = [step for step in doc.get("steps", []) if step.get("keyNode")]
    before_inactivity = sorted({str(step.get("inactivityTimeout")) for step in keys})
    before_grace = doc.get("channelSwitchGrace")
    if all(step.get("inactivityTimeout") == inactivity for step in keys) and before_grace == grace:
        print(f"  {code}: version {doc.get('version')} has the demo clocks already "
              f"(key-node inactivity {inactivity}, channel-switch grace {grace})")
        return True
    for step in keys:
        step["inactivityTimeout"] = inactivity
    doc["channelSwitchGrace"] = grace
    for field in READ_ONLY:
        doc.pop(field, None)
    status, _, changed = call("PUT", url, token, doc, {"If-Match": headers.get("ETag", "")})
    if status != 200:
        print(f"  {code}: PUT {url} answered {status or 'nothing'}: {changed}")
        return False
    print(f"  {code}: version {headers.get('ETag', '?').strip(chr(34))} -> {changed.get('version')}: "
          f"inactivity after its {len(keys)} key nodes {'/'.join(before_inactivity)} -> {inactivity}, "
          f"channel-switch grace {before_grace} -> {grace}")
    return True


def main(argv):
    if len(argv) < 5:
        sys.exit(__doc__)
    base, inactivity, grace, codes = argv[1].rstrip("/"), argv[2], argv[3], argv[4:]
    token = os.environ.get("WINDBELL_TOKEN")
    if not token:
        sys.exit("demo-definitions.py: set WINDBELL_TOKEN to a cx-admin access token")
    ok = [demo_clocks(base, token, code, inactivity, grace) for code in codes]
    return 0 if all(ok) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
