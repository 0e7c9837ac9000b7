package io.windbell.workorder.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.workorder.calendar.WorkingTime;
import io.windbell.workorder.directory.StaffRole;

/**
 * The routing rules without Quarkus: every fallback, load and its ties, capacity, leave and shifts. A fake calendar
 * {@code OFF} is never working time, every other calendar always is.
 */
class RouterTest {

    private static final WorkingTime SHIFTS = (calendar, at) -> !"OFF".equals(calendar);
    private static final Router ROUTER = new Router(SHIFTS, ZoneId.of("Asia/Shanghai"), "HQ");
    /** Thursday 2026-12-10, 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-12-10T02:00:00Z");

    @Test
    void theRelationshipManagerTakesTheOrderWhereverTheTouchpointWas() {
        RoutingFacts facts = facts("B001", "R01", "E1001", staff("E1001", "B009", "R02").open(3).build(),
                staff("E0001", "B001", "R01").build());

        RoutingDecision decision = ROUTER.decide(facts, NOW);

        assertThat(decision).isEqualTo(new RoutingDecision("branch:B009", "E1001", Router.RELATIONSHIP_MANAGER,
                "customer's relationship manager E1001 is on shift with 3 of 10 open orders", "B009", "R02"));
    }

    @Test
    void anRmOnLeaveHandsTheOrderToTheLeastLoadedOfTheBranch() {
        RoutingFacts facts = facts("B001", "R01", "E1001",
                staff("E1001", "B001", "R01").onLeaveUntil(LocalDate.parse("2026-12-10")).build(),
                staff("E0001", "B001", "R01").open(3).build(), staff("E0002", "B001", "R01").open(5).build(),
                staff("E0003", "B001", "R01").open(2).build());

        RoutingDecision decision = ROUTER.decide(facts, NOW);

        assertThat(decision).isEqualTo(new RoutingDecision("branch:B001", "E0003", Router.BRANCH_QUEUE,
                "RM E1001 is on leave until 2026-12-10; B001 queue: E0003 has 2 of 10 open orders, the least loaded "
                        + "among 3 on shift with capacity left",
                "B001", "R01"));
    }

    @Test
    void aLeaveEndsAtTheEndOfItsLastDayInTheBanksZone() {
        // 2026-12-10T16:00Z is midnight of 2026-12-11 in Shanghai: the leave is over
        RoutingFacts facts = facts("B001", "R01", "E1001",
                staff("E1001", "B001", "R01").onLeaveUntil(LocalDate.parse("2026-12-10")).build());

        assertThat(ROUTER.decide(facts, Instant.parse("2026-12-10T15:59:59Z")).assigneeEmployeeId()).isNull();
        assertThat(ROUTER.decide(facts, Instant.parse("2026-12-10T16:00:00Z")).assigneeEmployeeId()).isEqualTo("E1001");
    }

    @Test
    void anRmWhoIsOffShiftAtCapacityInactiveOrUnknownIsPassedOverWithTheReason() {
        Candidate colleague = staff("E0001", "B001", "R01").build();
        assertThat(ROUTER
                .decide(facts("B001", "R01", "E1001", staff("E1001", "B001", "R01").calendar("OFF").build(), colleague),
                        NOW)
                .reason()).startsWith("RM E1001 is off shift (calendar OFF); B001 queue: E0001");
        assertThat(ROUTER.decide(
                facts("B001", "R01", "E1001", staff("E1001", "B001", "R01").open(4).capacity(4).build(), colleague),
                NOW).reason()).startsWith("RM E1001 is at capacity (4 of 4 open orders); B001 queue: E0001");
        assertThat(ROUTER
                .decide(facts("B001", "R01", "E1001", staff("E1001", "B001", "R01").inactive().build(), colleague), NOW)
                .reason()).startsWith("RM E1001 is inactive; B001 queue: E0001");
        assertThat(ROUTER.decide(facts("B001", "R01", "E1001", colleague), NOW).reason())
                .startsWith("RM E1001 is not in the staff directory; B001 queue: E0001");
    }

    @Test
    void loadIsTheShareOfCapacityInUseThenTheNumberOfOpenOrders() {
        // E0001: 2 of 4 = 50%; E0002: 3 of 10 = 30%; E0003: 3 of 10 too, but E0002 wins on id after equal counts
        RoutingFacts facts = facts("B001", "R01", null, staff("E0001", "B001", "R01").open(2).capacity(4).build(),
                staff("E0003", "B001", "R01").open(3).build(), staff("E0002", "B001", "R01").open(3).build());

        assertThat(ROUTER.decide(facts, NOW).assigneeEmployeeId()).isEqualTo("E0002");
        // equal shares (1 of 2, 5 of 10): the fewer open orders wins
        RoutingFacts equalShare = facts("B001", "R01", null, staff("E0005", "B001", "R01").open(5).capacity(10).build(),
                staff("E0006", "B001", "R01").open(1).capacity(2).build());
        assertThat(ROUTER.decide(equalShare, NOW).assigneeEmployeeId()).isEqualTo("E0006");
    }

    @Test
    void tiesGoToTheLongestSinceTheLastAssignmentThenToTheEmployeeId() {
        Candidate recent = staff("E0001", "B001", "R01").open(1).lastAssigned("2026-12-10T01:00:00Z").build();
        Candidate earlier = staff("E0002", "B001", "R01").open(1).lastAssigned("2026-12-09T01:00:00Z").build();
        Candidate never = staff("E0009", "B001", "R01").open(1).build();
        Candidate neverToo = staff("E0008", "B001", "R01").open(1).build();

        assertThat(ROUTER.decide(facts("B001", "R01", null, recent, earlier), NOW).assigneeEmployeeId())
                .isEqualTo("E0002");
        assertThat(ROUTER.decide(facts("B001", "R01", null, recent, earlier, never), NOW).assigneeEmployeeId())
                .isEqualTo("E0009");
        assertThat(ROUTER.decide(facts("B001", "R01", null, never, neverToo, recent), NOW).assigneeEmployeeId())
                .isEqualTo("E0008");
    }

    @Test
    void theChoiceDoesNotDependOnTheOrderTheDirectoryListsStaffIn() {
        List<Candidate> staff = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            staff.add(staff("E000" + i, "B001", "R01").open(i % 3).build());
        }
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(staff, new java.util.Random(round));
            assertThat(ROUTER.decide(facts("B001", "R01", null, staff.toArray(Candidate[]::new)), NOW)
                    .assigneeEmployeeId()).isEqualTo("E0003");
        }
    }

    @Test
    void whenNobodyOfTheBranchIsOnShiftTheOrderWaitsInTheBranchQueue() {
        RoutingFacts facts = facts("B001", "R01", null, staff("E0001", "B001", "R01").calendar("OFF").build(),
                staff("E0002", "B001", "R01").calendar("OFF").build(), staff("E0100", "B002", "R01").build());

        RoutingDecision decision = ROUTER.decide(facts, NOW);

        assertThat(decision).isEqualTo(new RoutingDecision("branch:B001", null, Router.BRANCH_QUEUE,
                "B001 queue: nobody of 2 is on shift, the order waits", "B001", "R01"));
    }

    @Test
    void whenEveryoneOnShiftIsAtCapacityTheOrderWaitsToo() {
        RoutingFacts facts = facts("B001", "R01", null, staff("E0001", "B001", "R01").open(2).capacity(2).build(),
                staff("E0002", "B001", "R01").capacity(0).build(),
                staff("E0003", "B001", "R01").calendar("OFF").build());

        RoutingDecision decision = ROUTER.decide(facts, NOW);

        assertThat(decision.assigneeEmployeeId()).isNull();
        assertThat(decision.reason()).isEqualTo("B001 queue: all 2 on shift are at capacity, the order waits");
    }

    @Test
    void aBranchWithoutStaffWhoTakeOrdersPassesTheOrderToItsRegion() {
        // a manager, a specialist, an inactive and an on-leave frontliner do not make a branch staffed
        RoutingFacts facts = facts("B001", "R01", null,
                staff("E0101", "B001", "R01").role(StaffRole.BRANCH_MANAGER).build(),
                staff("E0102", "B001", "R01").role(StaffRole.SPECIALIST).build(),
                staff("E0103", "B001", "R01").inactive().build(),
                staff("E0104", "B001", "R01").onLeaveUntil(LocalDate.parse("2026-12-31")).build(),
                staff("E0201", "B002", "R01").open(1).build(), staff("E0202", "B003", "R01").build());

        RoutingDecision decision = ROUTER.decide(facts, NOW);

        // assigned in the region: the order belongs to the assignee's branch
        assertThat(decision).isEqualTo(new RoutingDecision("region:R01", "E0202", Router.REGION_QUEUE,
                "branch B001 has no staff who take orders; region R01 queue: E0202 has 0 of 10 open orders, the least "
                        + "loaded among 2 on shift with capacity left",
                "B003", "R01"));
    }

    @Test
    void aBranchUnknownToTheDirectoryGoesToTheRegionAndWaitsThereWhenNobodyIsOnShift() {
        RoutingFacts facts = new RoutingFacts("B777", "R05", false, null, null,
                List.of(staff("E0501", "B501", "R05").calendar("OFF").build()));

        RoutingDecision decision = ROUTER.decide(facts, NOW);

        assertThat(decision).isEqualTo(new RoutingDecision("region:R05", null, Router.REGION_QUEUE,
                "branch B777 is unknown to the directory; region R05 queue: nobody of 1 is on shift, the order waits",
                "B777", "R05"));
    }

    @Test
    void withoutBranchOrRegionStaffTheCentralQueueTakesItAtHeadOfficeOrItWaitsThereKeepingItsBranch() {
        RoutingFacts noRegion = new RoutingFacts("B777", null, false, null, null,
                List.of(staff("E9001", "HQ", null).role(StaffRole.CALL_CENTRE_AGENT).build()));
        assertThat(ROUTER.decide(noRegion, NOW)).isEqualTo(new RoutingDecision("central", "E9001", Router.CENTRAL_QUEUE,
                "branch B777 is unknown to the directory; no region is known; central queue: "
                        + "E9001 has 0 of 10 open orders, the least loaded among 1 on shift with capacity left",
                "HQ", null));

        RoutingFacts nobody = new RoutingFacts("B777", "R77", false, null, null, List.of());
        assertThat(ROUTER.decide(nobody, NOW)).isEqualTo(new RoutingDecision("central", null, Router.CENTRAL_QUEUE,
                "branch B777 is unknown to the directory; region R77 has no staff who take orders; central queue: HQ "
                        + "has no staff who take orders, the order waits",
                "B777", "R77"));
    }

    @Test
    void staffWithTheJourneysSkillArePreferredWhenAnyOfThemCanTakeIt() {
        Candidate idle = staff("E0001", "B001", "R01").build();
        Candidate skilled = staff("E0002", "B001", "R01").open(4).skills("WEALTH_PURCHASE").build();
        RoutingFacts facts = new RoutingFacts("B001", "R01", true, "WEALTH_PURCHASE", null, List.of(idle, skilled));

        RoutingDecision decision = ROUTER.decide(facts, NOW);

        assertThat(decision.assigneeEmployeeId()).isEqualTo("E0002");
        assertThat(decision.reason()).isEqualTo("B001 queue: E0002 has 4 of 10 open orders, the least loaded among 2 "
                + "on shift with capacity left, preferred for skill WEALTH_PURCHASE (1 of 2 have it)");
        // the skilled one is full: the skill is a preference, not a reason to wait
        Candidate full = staff("E0002", "B001", "R01").open(10).skills("WEALTH_PURCHASE").build();
        assertThat(
                ROUTER.decide(new RoutingFacts("B001", "R01", true, "WEALTH_PURCHASE", null, List.of(idle, full)), NOW)
                        .assigneeEmployeeId()).isEqualTo("E0001");
    }

    @Test
    void anEmployeeWithoutACalendarWorksByTheBanksDefaultCalendar() {
        List<String> asked = new ArrayList<>();
        Router router = new Router((calendar, at) -> asked.add(calendar), ZoneId.of("Asia/Shanghai"), "HQ");

        router.decide(facts("B001", "R01", null, staff("E0001", "B001", "R01").build(),
                staff("E0002", "B001", "R01").calendar("HK").build()), NOW);

        assertThat(asked).containsExactlyInAnyOrder(WorkingTime.DEFAULT_CALENDAR, "HK");
    }

    private static RoutingFacts facts(String branch, String region, String rm, Candidate... staff) {
        return new RoutingFacts(branch, region, true, null, rm, List.of(staff));
    }

    private static Staff staff(String id, String branch, String region) {
        return new Staff(id, branch, region);
    }

    /** A candidate with the usual facts (active frontliner, capacity 10, nothing open), changed where a test says. */
    private static final class Staff {
        private final String id;
        private final String branch;
        private final String region;
        private StaffRole role = StaffRole.FRONTLINE;
        private boolean active = true;
        private LocalDate leave;
        private String calendar;
        private List<String> skills = List.of();
        private int capacity = 10;
        private long open;
        private Instant lastAssigned;

        Staff(String id, String branch, String region) {
            this.id = id;
            this.branch = branch;
            this.region = region;
        }

        Staff role(StaffRole value) {
            role = value;
            return this;
        }

        Staff inactive() {
            active = false;
            return this;
        }

        Staff onLeaveUntil(LocalDate day) {
            leave = day;
            return this;
        }

        Staff calendar(String code) {
            calendar = code;
            return this;
        }

        Staff skills(String... codes) {
            skills = List.of(codes);
            return this;
        }

        Staff capacity(int value) {
            capacity = value;
            return this;
        }

        Staff open(long value) {
            open = value;
            return this;
        }

        Staff lastAssigned(String at) {
            lastAssigned = Instant.parse(at);
            return this;
        }

        Candidate build() {
            return new Candidate(id, branch, region, role, active, leave, calendar, skills, capacity, open,
                    lastAssigned);
        }
    }
}
