-- Quarantined payloads are kept as bytes: text refuses NUL (and the driver cannot send invalid UTF-8 or unpaired
-- surrogates faithfully), yet a body holding them is exactly one the quarantine must keep. Existing rows are copied
-- over; the text column stays, nullable, for rows that replicas of the previous release write during a rolling
-- upgrade, and can be dropped by a later migration.
ALTER TABLE quarantined_event ADD COLUMN payload_bytes bytea;
UPDATE quarantined_event SET payload_bytes = convert_to(payload, 'UTF8');
ALTER TABLE quarantined_event ALTER COLUMN payload DROP NOT NULL;
