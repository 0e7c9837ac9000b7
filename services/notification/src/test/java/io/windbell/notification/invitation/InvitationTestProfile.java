package io.windbell.notification.invitation;

import java.util.List;
import java.util.Set;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The invitation tests' service: a fixed clock, and survey, the token endpoint and both adapters as real servers. */
public class InvitationTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FixedInvitationClock.class);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(InvitationStandIns.class));
    }
}
