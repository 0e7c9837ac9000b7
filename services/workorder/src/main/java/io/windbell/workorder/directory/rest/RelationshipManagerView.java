package io.windbell.workorder.directory.rest;

import java.time.Instant;

import io.windbell.workorder.directory.DirectoryReads;

/** A customer's relationship manager: who, since when, and where they work. */
public record RelationshipManagerView(String customerId, String employeeId, String name, String branchId,
        String regionId, boolean active, Instant since) {

    static RelationshipManagerView of(DirectoryReads.Assignment found) {
        return new RelationshipManagerView(found.assignment().customerId, found.employee().employeeId,
                found.employee().name, found.employee().branchId, found.employee().regionId, found.employee().active,
                found.assignment().since);
    }
}
