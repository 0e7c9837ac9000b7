#!/usr/bin/env python3
"""Loads the demo staff directory into workorder, so that simulated detractors become work orders routed to the demo
users: the simulator's branches B001..B020 in regions R01..R04 (demo_bank.py, the mapping scoring gets too), a manager
for every branch and region, two or three frontline staff and relationship managers per branch on the DEMO calendar
(round the clock, set by demo-sla.py, which runs first), and a relationship manager for some simulated customers.

  demo-staff.py BASE_URL         import through workorder's API (a cx-admin access token from $WINDBELL_TOKEN)
  demo-staff.py --dry-run        print the CSV files it would import, and nothing else

The demo users' employees are in it as the realm has them: E0001 (frontline.b001, frontline in B001), E0002
(frontline.b002, frontline in B002), E0101 (manager.b001, manager of B001 and of E0001), E0201 (regional.r01, manager
of R01); frontline.b006/b007 are the directory's frontline E0053/E0063, manager.b002/b006/b007 the branch managers
E0302/E0306/E0307 and regional.r02 is E0202. The other staff use the simulator's employee ids (tools/loadgen
Population.staffId: E0003..E0005 in B001, E0013..E0015 in B002, ...), so the employees it names on assisted channels are
in the directory; branch managers of B002..B020 are E0302..E0320, regional managers of R02..R04 E0202..E0204 (ids the
simulator never sends).

Imports, in this order (each an upsert: running it again changes nothing):
  POST /v1/branches/import                 branchId,regionId,name,managerId       (managers left empty: not staff yet)
  POST /v1/staff/import                    employeeId,name,branchId,regionId,role,managerId,calendar,skills,capacity,active
  POST /v1/branches/import                 the same branches with their managers
  POST /v1/relationship-managers/import    customerId,employeeId                  (C00000001..: the simulator's ids)

Any answer but 200 stops it with exit status 1, printing the problem+json body (the rows and fields it refuses).
Python 3 standard library only.
"""
import csv
import io
import os
import sys

from demo_api import call
from demo_bank import BRANCHES, HEAD_OFFICE, HEAD_OFFICE_REGION, REGIONS, branch_id, branches, region_id

# the round-the-clock demo calendar of demo-sla.py (run first): someone is on shift whenever the demo runs
CALENDAR = "DEMO"
# The simulator's staff of branch n are E((n-1)*10+1) .. E(n*10) (Population.staffId); members 0 and 1 of B001 and
# member 0 of B011 are the realm's E0001, E0002 and E0101, so the directory takes members 2, 3 and 4 of every branch.
STAFF_PER_BRANCH = 10
FRONTLINE_MEMBER = 2
RM_MEMBERS = (3, 4)
FRONTLINE_SKILLS = "ACCOUNT_OPENING;CARD_ACTIVATION;TRANSFER;COMPLAINT"
RM_SKILLS = "WEALTH_PURCHASE;LOAN_APPLICATION;REFERRAL"
# capacity = open orders at most at once
CAPACITY = {"FRONTLINE": 8, "RELATIONSHIP_MANAGER": 12, "BRANCH_MANAGER": 5, "REGIONAL_MANAGER": 3,
            "CALL_CENTRE_AGENT": 30}
# head office (workorder's central branch, windbell.workorder.central-branch): its call-centre agents work the central
# queue, where an order goes whose customer has no known branch (most simulated app users send none) and no RM
HEAD_OFFICE_MANAGER = "E0300"
CENTRAL_AGENTS = ("E0901", "E0902", "E0903")
# the first simulated customers (C00000001 ..) get a relationship manager: one in ten of make run's 2,000
RM_CUSTOMERS = 200

STAFF_COLUMNS = ["employeeId", "name", "branchId", "regionId", "role", "managerId", "calendar", "skills", "capacity",
                 "active"]


def simulator_staff_id(branch, member):
    return f"E{(branch - 1) * STAFF_PER_BRANCH + member + 1:04d}"


def branch_manager(branch):
    return "E0101" if branch == 1 else f"E{300 + branch:04d}"


def regional_manager(region):
    """region: 1 .. REGIONS; R01's is the realm's regional.r01 (E0201)."""
    return f"E{200 + region:04d}"


def employee(employee_id, role, branch, region, manager_id, skills=""):
    return {"employeeId": employee_id, "name": f"Demo {role.lower().replace('_', ' ')} {employee_id}",
            "branchId": branch, "regionId": region, "role": role, "managerId": manager_id or "",
            "calendar": CALENDAR, "skills": skills, "capacity": CAPACITY[role], "active": "true"}


def staff():
    """Every employee, managers first (a manager precedes the people who report to them)."""
    rows = []
    for r in range(1, REGIONS + 1):
        region = f"R{r:02d}"
        # a regional manager is not in a branch: their region's first branch, for the directory's branch column
        first = branch_id((r - 1) * BRANCHES // REGIONS + 1)
        rows.append(employee(regional_manager(r), "REGIONAL_MANAGER", first, region, None))
    for n in range(1, BRANCHES + 1):
        region = region_id(n)
        rows.append(employee(branch_manager(n), "BRANCH_MANAGER", branch_id(n), region,
                             regional_manager(int(region[1:]))))
    for n in range(1, BRANCHES + 1):
        branch, region, manager = branch_id(n), region_id(n), branch_manager(n)
        demo_user = {1: "E0001", 2: "E0002"}.get(n)
        if demo_user:
            rows.append(employee(demo_user, "FRONTLINE", branch, region, manager, FRONTLINE_SKILLS))
        rows.append(employee(simulator_staff_id(n, FRONTLINE_MEMBER), "FRONTLINE", branch, region, manager,
                             FRONTLINE_SKILLS))
        for member in RM_MEMBERS:
            rows.append(employee(simulator_staff_id(n, member), "RELATIONSHIP_MANAGER", branch, region, manager,
                                 RM_SKILLS))
    rows.append(employee(HEAD_OFFICE_MANAGER, "BRANCH_MANAGER", HEAD_OFFICE, HEAD_OFFICE_REGION, None))
    for agent in CENTRAL_AGENTS:
        rows.append(employee(agent, "CALL_CENTRE_AGENT", HEAD_OFFICE, HEAD_OFFICE_REGION, HEAD_OFFICE_MANAGER))
    return rows


def branch_rows(with_managers):
    rows = [dict(b, managerId=branch_manager(n) if with_managers else "") for n, b in enumerate(branches(), start=1)]
    rows.append({"branchId": HEAD_OFFICE, "regionId": HEAD_OFFICE_REGION, "name": "Head office (central queue)",
                 "managerId": HEAD_OFFICE_MANAGER if with_managers else ""})
    return rows


def relationship_managers():
    """Customer i belongs to branch (i-1) % 20 + 1 and gets one of its two relationship managers in turn."""
    rows = []
    for i in range(1, RM_CUSTOMERS + 1):
        n = (i - 1) % BRANCHES + 1
        member = RM_MEMBERS[(i - 1) // BRANCHES % len(RM_MEMBERS)]
        rows.append({"customerId": f"C{i:08d}", "employeeId": simulator_staff_id(n, member)})
    return rows


def to_csv(columns, rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def imports():
    """(what, path, CSV) in the order they must be sent."""
    branch_columns = ["branchId", "regionId", "name", "managerId"]
    return [
        ("branches", "/v1/branches/import", to_csv(branch_columns, branch_rows(False))),
        ("staff", "/v1/staff/import", to_csv(STAFF_COLUMNS, staff())),
        ("branch managers", "/v1/branches/import", to_csv(branch_columns, branch_rows(True))),
        ("relationship managers", "/v1/relationship-managers/import",
         to_csv(["customerId", "employeeId"], relationship_managers())),
    ]


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        sys.exit(__doc__)
    if argv[1] == "--dry-run":
        for what, path, text in imports():
            print(f"# {what}: POST {path} (text/csv, {text.count(chr(10)) - 1} rows)")
            print(text)
        return 0
    base, token = argv[1].rstrip("/"), os.environ.get("WINDBELL_TOKEN")
    if not token:
        sys.exit("demo-staff.py: no cx-admin token in $WINDBELL_TOKEN (tools/stack/token.sh cx-admin-cli cx-admin-secret)")
    for what, path, text in imports():
        status, _, doc = call("POST", base + path, token, text, content_type="text/csv", error_chars=20_000)
        if status != 200:
            print(f"  staff directory: POST {path} ({what}) answered {status or 'nothing'}:\n{doc}", file=sys.stderr)
            return 1
        print(f"  staff directory: {what}: {doc.get('imported')} imported ({doc.get('created')} created, "
              f"{doc.get('updated')} updated)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
