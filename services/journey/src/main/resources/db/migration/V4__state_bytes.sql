-- The journey state as bytes (Smile, io.windbell.journey.store.StateCodec) instead of jsonb. Only JourneyStore reads
-- the column and no query looks inside it, yet as jsonb PostgreSQL parsed every written state (jsonb_in: 2.8% of the
-- machine's CPU while journey drained 300,000 events, docs/benchmarks.md) and compressed it with pglz once it passed
-- 2 kB (1.5%). Existing rows keep their JSON text, as bytes; the codec reads both.
ALTER TABLE journey_instance ALTER COLUMN state TYPE bytea USING convert_to(state::text, 'UTF8');

-- lz4 compresses a state that still passes the TOAST threshold at a fraction of pglz's cost. A server built without
-- lz4 keeps pglz.
DO $$
BEGIN
    ALTER TABLE journey_instance ALTER COLUMN state SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'this PostgreSQL has no lz4: journey_instance.state stays compressed with pglz';
END $$;
