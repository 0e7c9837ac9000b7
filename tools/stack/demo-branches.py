#!/usr/bin/env python3
"""Loads the demo branch directory into scoring, so that its metrics roll up to regions: the simulator's
branches B001..B020, five per region R01..R04 (the realm's demo users: manager.b001 in B001, regional.r01 in R01).

  demo-branches.py BASE_URL

A cx-admin access token comes from $WINDBELL_TOKEN. PUT /v1/branches replaces the whole directory; a directory that
already says the same is left alone. Exit status 1 when it could not be stored. Python 3 standard library only.
"""
import os
import sys

from demo_api import call
from demo_bank import REGIONS, branches


def main():
    base, token = sys.argv[1], os.environ["WINDBELL_TOKEN"]
    wanted = branches()
    status, _, doc = call("GET", f"{base}/v1/branches", token)
    if status == 200 and [{k: b[k] for k in ("branchId", "regionId", "name")} for b in doc["branches"]] == wanted:
        print(f"  branch directory: {len(wanted)} branches in {REGIONS} regions already")
        return 0
    status, _, doc = call("PUT", f"{base}/v1/branches", token, {"branches": wanted})
    if status != 200:
        print(f"  branch directory: PUT answered {status or 'nothing'}: {doc}")
        return 1
    print(f"  branch directory: {len(doc['branches'])} branches in {REGIONS} regions stored")
    return 0


if __name__ == "__main__":
    sys.exit(main())
