-- Columns as long as the touchpoint.recorded contract allows: branch and employee ids are opaque ids of up to 64
-- characters (io.windbell.contracts.Identifiers), channel up to 64. A shorter column made a contract-valid event fail
-- to store (value too long, dead-lettered); the property test StoringWhatTheContractAcceptsTest found it.
-- Widening a varchar rewrites neither the table nor its indexes.
ALTER TABLE touchpoint_event
    ALTER COLUMN channel     TYPE varchar(64),
    ALTER COLUMN branch_id   TYPE varchar(64),
    ALTER COLUMN employee_id TYPE varchar(64);
ALTER TABLE journey_interruption
    ALTER COLUMN channel         TYPE varchar(64),
    ALTER COLUMN resumed_channel TYPE varchar(64);
