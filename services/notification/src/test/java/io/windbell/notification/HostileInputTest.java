package io.windbell.notification;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.testing.EveryEndpointSurvivesHostileInput;
import io.windbell.testing.HostileInputSweep;
import io.windbell.testing.HostileInputSweep.Operation;

@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class HostileInputTest extends EveryEndpointSurvivesHostileInput {

    @Override
    protected int minimumOperations() {
        // every operation of EveryEndpointTest
        return 17;
    }

    /**
     * The per-employee operations again as an employee (the base sweep's identity has roles but no employee id, so
     * those stop at 403 before any parsing); the stream is left out: a well-formed request opens it for good.
     */
    @Test
    @TestSecurity(user = "sweep-employee", roles = "frontline")
    @OidcSecurity(claims = { @Claim(key = "employee_id", value = "E-hostile"),
            @Claim(key = "branch_id", value = "B001") })
    void noHostileInputToAnEmployeesOwnResourcesCausesAServerError() {
        List<Operation> operations = HostileInputSweep
                .operations(path -> path.startsWith("/v1/employees/") && !path.endsWith("/stream"));
        sweepAnonymously(operations);
    }
}
