package io.windbell.survey.preference;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.contracts.survey.DeliveryChannel;

/** Contact preferences in table {@code contact_preference}: one row per customer, absent = the service defaults. */
@ApplicationScoped
public class PreferenceRepository {

    private static final String SELECT = "SELECT customer_id, do_not_survey, time_zone, locale, channel, updated_at,"
            + " updated_by FROM contact_preference WHERE customer_id = ?";

    private final DataSource dataSource;

    PreferenceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The stored preference of a customer, read on the caller's transaction. */
    public Optional<ContactPreference> find(Connection connection, String customerId) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(SELECT)) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** The stored preference of a customer, on a connection of its own. */
    public Optional<ContactPreference> find(String customerId) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, customerId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading a contact preference failed: " + e.getMessage(), e);
        }
    }

    /** Creates or replaces the preference of {@code preference.customerId()}; answers it as stored. */
    public ContactPreference save(ContactPreference preference) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO contact_preference (customer_id, do_not_survey, time_zone, locale, channel, updated_at,
                                                updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET do_not_survey = excluded.do_not_survey,
                    time_zone = excluded.time_zone, locale = excluded.locale, channel = excluded.channel,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                RETURNING customer_id, do_not_survey, time_zone, locale, channel, updated_at, updated_by""")) {
            ps.setString(1, preference.customerId());
            ps.setBoolean(2, preference.doNotSurvey());
            ps.setString(3, preference.timeZone());
            ps.setString(4, preference.locale());
            ps.setString(5, preference.channel() == null ? null : preference.channel().name());
            ps.setTimestamp(6, Timestamp.from(preference.updatedAt()));
            ps.setString(7, preference.updatedBy());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("saving a contact preference failed: " + e.getMessage(), e);
        }
    }

    private static ContactPreference read(ResultSet rs) throws SQLException {
        String channel = rs.getString(5);
        return new ContactPreference(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                channel == null ? null : channel(channel), rs.getTimestamp(6).toInstant(), rs.getString(7));
    }

    private static DeliveryChannel channel(String value) {
        try {
            return DeliveryChannel.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null; // a channel a newer release added: the caller falls back to its default
        }
    }
}
