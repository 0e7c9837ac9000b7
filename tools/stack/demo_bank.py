"""The simulated bank of the demo scripts (demo-branches.py for scoring, demo-staff.py for workorder): the
simulator's branches B001..B020, five per region R01..R04, and the realm's demo users (manager.b001 in B001,
regional.r01 in R01). One mapping, so that scoring's rollups and workorder's routing agree. Python 3 standard library
only."""

BRANCHES = 20
PER_REGION = 5
REGIONS = BRANCHES // PER_REGION
# head office: workorder's central branch (windbell.workorder.central-branch) in a region of its own
HEAD_OFFICE, HEAD_OFFICE_REGION = "HQ", "R00"


def branch_id(n):
    """B001 .. B020: the ids tools/loadgen's simulator sends (Population.branchId)."""
    return f"B{n:03d}"


def region_id(n):
    """The region of branch n: B001..B005 are in R01, B006..B010 in R02, and so on."""
    return f"R{(n - 1) // PER_REGION + 1:02d}"


def branches():
    """Every branch as {"branchId", "regionId", "name"}, in order."""
    return [{"branchId": branch_id(n), "regionId": region_id(n), "name": f"Demo branch {n}"}
            for n in range(1, BRANCHES + 1)]
