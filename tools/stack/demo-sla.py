#!/usr/bin/env python3
"""Short SLA clocks for the local demo, so that a work order's SLA warning and its escalation happen within minutes
of the simulated detractor that opened it, at any hour of the day:

  - a calendar DEMO that works around the clock (every day 00:00-24:00, Asia/Shanghai), used by the regions R01..R04
    of the simulated bank and R00 of its head office (and by the demo staff, see demo-staff.py, so someone is always
    on shift);
  - a new version of the SLA policy set with minutes instead of hours: first response 3 minutes (warning at half),
    resolution 10 minutes, escalation to the regional manager 3 minutes after the branch manager.

  demo-sla.py BASE_URL      through workorder's API (a cx-admin access token from $WINDBELL_TOKEN)

The seeded calendar CN (the 2026 State Council arrangement) and the seeded policies stay as they are for anything the
demo does not override; a production stack never runs this script. Any answer but 200 stops it with exit status 1,
printing the problem+json body. Python 3 standard library only.
"""
import os
import sys

from demo_api import call
from demo_bank import HEAD_OFFICE_REGION, PER_REGION, REGIONS, region_id

CALENDAR = "DEMO"
ROUND_THE_CLOCK = [{"start": "00:00", "end": "00:00"}]
DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]


def policy(code, type_, first_response, resolution, escalate_after, severity="*"):
    return {"code": code, "type": type_, "severity": severity, "tier": "*", "firstResponse": first_response,
            "resolution": resolution, "warningShare": 0.5, "escalateAfter": escalate_after}


POLICIES = [
    policy("DEMO-RECOVERY-CRITICAL", "RECOVERY", "PT2M", "PT8M", "PT2M", severity="CRITICAL"),
    policy("DEMO-RECOVERY", "RECOVERY", "PT3M", "PT10M", "PT3M"),
    policy("DEMO-CALLBACK", "CALLBACK", "PT3M", "PT10M", "PT3M"),
    policy("DEMO-SPECIAL-TASK", "SPECIAL_TASK", "PT10M", "PT30M", "PT5M"),
    policy("DEMO-DEFAULT", "*", "PT5M", "PT15M", "PT5M"),
]


def require(what, answer):
    status, _, body = answer
    if status != 200:
        sys.exit(f"demo-sla: {what} answered {status}: {body}")
    return answer


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    base, token = sys.argv[1].rstrip("/"), os.environ.get("WINDBELL_TOKEN", "")
    if not token:
        sys.exit("demo-sla: set WINDBELL_TOKEN to a cx-admin access token")
    require("PUT /v1/calendars/DEMO", call("PUT", f"{base}/v1/calendars/{CALENDAR}", token, {
        "name": "Demo: round the clock", "zone": "Asia/Shanghai", "week": {day: ROUND_THE_CLOCK for day in DAYS}}))
    # R00: head office, whose call-centre agents (demo-staff.py) work the central queue
    for region in [HEAD_OFFICE_REGION] + [region_id(n * PER_REGION) for n in range(1, REGIONS + 1)]:
        require(f"PUT /v1/regions/{region}/calendar",
                call("PUT", f"{base}/v1/regions/{region}/calendar", token, {"calendar": CALENDAR}))
    _, headers, current = require("GET /v1/sla-policies", call("GET", f"{base}/v1/sla-policies", token))
    if [p["code"] for p in current["policies"]] == [p["code"] for p in POLICIES]:
        print("demo-sla: the demo SLA policies are in force already")
        return
    require("PUT /v1/sla-policies", call("PUT", f"{base}/v1/sla-policies", token, {"policies": POLICIES},
                                         headers={"If-Match": headers["ETag"]}))
    print(f"demo-sla: calendar {CALENDAR} for R00 (head office) and R01..R{REGIONS:02d}; policies " + ", ".join(
        f"{p['code']} {p['firstResponse']}/{p['resolution']}" for p in POLICIES))


if __name__ == "__main__":
    main()
