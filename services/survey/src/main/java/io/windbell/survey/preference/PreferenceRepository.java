package io.windbell.survey.preference;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** PLACEHOLDER until the bank helper lands: contact preferences in table {@code contact_preference}. */
@ApplicationScoped
public class PreferenceRepository {

    /** The stored preference of a customer, read on the caller's transaction. */
    public Optional<ContactPreference> find(Connection connection, String customerId) throws SQLException {
        return Optional.empty();
    }
}
