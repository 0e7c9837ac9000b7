package io.windbell.scoring.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.Topics;
import io.windbell.contracts.survey.SurveyExpired;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.scoring.fold.Fold;
import io.windbell.scoring.fold.FoldBatch;
import io.windbell.scoring.reference.Attribution;
import io.windbell.scoring.rollup.ColumnArrays.Kind;

/**
 * Response rates: each {@code survey.invited} becomes an {@code invitation_cohort} row (the survey, delivery channel,
 * invitation day and the customer's home branch) and counts {@code invited} in its {@code invitation_rollup} row; the
 * invitation's first {@code survey.responded} counts {@code responded} and its {@code survey.expired} (unless it was
 * answered) {@code expired}, in the row of the cohort, once per invitation.
 * <p>
 * A response or expiry whose invitation scoring never saw (sent before scoring existed) does not touch the cohorts: it
 * was never counted invited, so counting it responded would push a rate above 1. The response still counts in
 * {@code response_rollup}. (An invitation and its response share the customer's partition, so the invitation always
 * arrives first otherwise.)
 */
@ApplicationScoped
public class InvitationRollupFold implements Fold {

    private static final String COHORT_COLUMNS = "survey_code, channel, day, branch_id, region_id";

    private static final String INSERT_COHORTS = """
            insert into invitation_cohort (invitation_id, survey_code, channel, day, branch_id, region_id)
            select * from unnest(?::uuid[], ?::text[], ?::text[], ?::date[], ?::text[], ?::text[])
            on conflict (invitation_id) do nothing
            returning\s""" + COHORT_COLUMNS;

    private static final String MARK_RESPONDED = "update invitation_cohort set responded = true"
            + " where invitation_id = any (?::uuid[]) and not responded returning " + COHORT_COLUMNS;

    private static final String MARK_EXPIRED = "update invitation_cohort set expired = true"
            + " where invitation_id = any (?::uuid[]) and not expired and not responded returning " + COHORT_COLUMNS;

    private static final String UPSERT = """
            insert into invitation_rollup as t (survey_code, channel, day, branch_id, region_id, invited, responded,
                expired)
            select * from unnest(?::text[], ?::text[], ?::date[], ?::text[], ?::text[], ?::bigint[], ?::bigint[],
                ?::bigint[])
            on conflict (survey_code, channel, day, branch_id) do update set invited = t.invited + excluded.invited,
                responded = t.responded + excluded.responded, expired = t.expired + excluded.expired
            """;

    /** The additive state of one {@code invitation_rollup} row of a batch, with the region of its cohort. */
    private static final class Counts {
        final String regionId;
        long invited;
        long responded;
        long expired;

        Counts(String regionId) {
            this.regionId = regionId;
        }
    }

    /** Which count a cohort row returned by a statement adds to. */
    private enum Change {
        INVITED, RESPONDED, EXPIRED
    }

    @Override
    public boolean reads(String topic) {
        return Topics.SURVEY_EVENTS.equals(topic);
    }

    @Override
    public void apply(Connection connection, FoldBatch batch) throws SQLException {
        Map<RollupKey, Counts> rows = new TreeMap<>();
        insertCohorts(connection, batch, rows);
        TreeSet<UUID> responded = new TreeSet<>();
        batch.payloads(SurveyResponded.class).forEach(r -> responded.add(r.invitationId()));
        mark(connection, MARK_RESPONDED, responded, rows, Change.RESPONDED);
        TreeSet<UUID> expired = new TreeSet<>();
        batch.payloads(SurveyExpired.class).forEach(e -> expired.add(e.invitationId()));
        mark(connection, MARK_EXPIRED, expired, rows, Change.EXPIRED);

        ColumnArrays columns = new ColumnArrays(Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.LONG,
                Kind.LONG, Kind.LONG);
        rows.forEach((key, counts) -> columns.row(key.subject(), key.dimension(), key.day(), key.branchId(),
                counts.regionId, counts.invited, counts.responded, counts.expired));
        RollupWriter.upsert(connection, UPSERT, columns);
    }

    private static void insertCohorts(Connection connection, FoldBatch batch, Map<RollupKey, Counts> rows)
            throws SQLException {
        Attribution attribution = batch.attribution();
        Map<UUID, SurveyInvited> invitations = new TreeMap<>();
        batch.payloads(SurveyInvited.class).forEach(i -> invitations.putIfAbsent(i.invitationId(), i));
        if (invitations.isEmpty()) {
            return;
        }
        ColumnArrays cohorts = new ColumnArrays(Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT, Kind.TEXT);
        for (SurveyInvited invited : invitations.values()) {
            String branch = attribution.branch(invited.customerId(), null);
            cohorts.row(invited.invitationId(), invited.surveyCode(), invited.channel().name(),
                    attribution.day(invited.invitedAt()), branch, attribution.region(branch));
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_COHORTS)) {
            cohorts.bind(connection, insert);
            collect(insert, rows, Change.INVITED);
        }
    }

    private static void mark(Connection connection, String sql, Collection<UUID> invitations,
            Map<RollupKey, Counts> rows, Change change) throws SQLException {
        if (invitations.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            update.setArray(1, connection.createArrayOf("uuid", invitations.toArray()));
            collect(update, rows, change);
        }
    }

    /** Adds one to {@code change} of the cohort row of each cohort the statement returns. */
    private static void collect(PreparedStatement statement, Map<RollupKey, Counts> rows, Change change)
            throws SQLException {
        try (ResultSet cohorts = statement.executeQuery()) {
            while (cohorts.next()) {
                RollupKey key = new RollupKey(cohorts.getString(1), cohorts.getString(2), "",
                        cohorts.getObject(3, LocalDate.class), cohorts.getString(4));
                String region = cohorts.getString(5);
                Counts counts = rows.computeIfAbsent(key, k -> new Counts(region));
                switch (change) {
                case INVITED -> counts.invited++;
                case RESPONDED -> counts.responded++;
                case EXPIRED -> counts.expired++;
                }
            }
        }
    }
}
