package io.windbell.workorder.directory.rest;

import io.windbell.workorder.directory.Branch;

/** A branch as the directory API shows it. */
public record BranchView(String branchId, String regionId, String name, String managerId) {

    static BranchView of(Branch branch) {
        return new BranchView(branch.branchId, branch.regionId, branch.name, branch.managerId);
    }
}
