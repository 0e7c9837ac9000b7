package io.windbell.workorder.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.quarkus.vertx.VertxContextSupport;
import io.windbell.workorder.directory.DirectoryImports;

/**
 * Fills the staff directory of a {@code @QuarkusTest} through the imports themselves (no HTTP, no token): staff,
 * branches and RM assignments as CSV.
 */
public final class DirectoryFixture {

    /** The staff import's CSV header. */
    public static final String STAFF_HEADER = "employeeId,name,branchId,regionId,role,managerId,calendar,skills,"
            + "capacity,active\n";

    private final DirectoryImports imports;

    public DirectoryFixture(DirectoryImports imports) {
        this.imports = imports;
    }

    /** Imports staff rows (after {@link #STAFF_HEADER}, which this adds). */
    public void staff(String rows) throws Throwable {
        byte[] body = (STAFF_HEADER + rows).getBytes(StandardCharsets.UTF_8);
        VertxContextSupport
                .subscribeAndAwait(() -> imports.staff("text/csv", body, DirectoryImports.Mode.UPSERT, Instant.now()));
    }

    /** Imports branch rows ({@code branchId,regionId,name,managerId}). */
    public void branches(String rows) throws Throwable {
        byte[] body = ("branchId,regionId,name,managerId\n" + rows).getBytes(StandardCharsets.UTF_8);
        VertxContextSupport.subscribeAndAwait(() -> imports.branches("text/csv", body, Instant.now()));
    }

    /** Imports RM assignments ({@code customerId,employeeId}). */
    public void relationshipManagers(String rows) throws Throwable {
        byte[] body = ("customerId,employeeId\n" + rows).getBytes(StandardCharsets.UTF_8);
        VertxContextSupport.subscribeAndAwait(() -> imports.relationshipManagers("text/csv", body, Instant.now()));
    }
}
