-- Least-privilege roles for a Showdown team store on PostgreSQL (README: "Many machines").
--
-- Run as the database's owner, in the team store's database, AFTER its schema exists (the owner's first
-- `showdown push --all --to URL` creates it) and again after every Showdown upgrade that changes the schema:
--
--   psql "postgresql://OWNER@HOST/showdown?sslmode=verify-full" -v ON_ERROR_STOP=1 -f packaging/team-store/roles.sql
--
-- Then give people and machines a login of their own in one of the two groups:
--   CREATE ROLE ci_runner LOGIN IN ROLE showdown_runner;   -- fleets, CI: push only
--   CREATE ROLE ada LOGIN IN ROLE showdown_reader;         -- people: list/show/claims/report
--   \password ci_runner                                    -- in psql: asks, so it never shows in ps or history
--
-- showdown_runner may add result sets and nothing else: INSERT into every table, and SELECT on nothing but the
-- schema stamp and the id/uuid columns a push needs to deduplicate by uuid and to link the rows it adds. It can
-- neither read measurements nor change or delete anything.
-- showdown_reader may read everything and change nothing.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'showdown_runner') THEN
        CREATE ROLE showdown_runner NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'showdown_reader') THEN
        CREATE ROLE showdown_reader NOLOGIN;
    END IF;
END
$$;

-- Start from nothing each time, so a re-run after an upgrade leaves exactly what is below.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM showdown_runner, showdown_reader;
GRANT USAGE ON SCHEMA public TO showdown_runner, showdown_reader;

GRANT SELECT ON showdown_schema TO showdown_runner;
GRANT INSERT ON result_sets, runtimes, processes, samples, load_points, analyses, definition_files TO showdown_runner;
GRANT SELECT (id, uuid) ON result_sets TO showdown_runner;
GRANT SELECT (id) ON processes TO showdown_runner;

GRANT SELECT ON ALL TABLES IN SCHEMA public TO showdown_reader;
