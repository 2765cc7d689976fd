CREATE TABLE "audit_chain_head" (
	"is_head" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	CONSTRAINT "audit_chain_head_one_row" CHECK ("audit_chain_head"."is_head")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written below: the hash chain (R18–R20). Each row's `hash` is sha256 over its canonical text,
-- which includes `prev_hash` (the previous row's `hash`), so changing, removing or inserting a row breaks
-- the chain from that row on; `npm run cli -- audit verify` walks it.
--
-- The canonical text: a JSON array of every content column in a fixed order, the time in UTC with
-- microseconds (never the session's TimeZone or DateStyle), null as null. jsonb's text form is
-- deterministic for a stored value. Change this only with a migration that re-chains every row.
CREATE OR REPLACE FUNCTION audit_log_canonical(r audit_log) RETURNS text LANGUAGE sql STABLE
SET search_path = pg_catalog, public AS $fn$
  SELECT jsonb_build_array(r.id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    r.actor_user_id, r.actor_name, r.ip, r.module, r.action, r.entity_type, r.entity_id, r.entity_label,
    r.org_unit_id, r.org_path, r.before, r.after, r.prev_hash)::text
$fn$;
--> statement-breakpoint
-- The chain for the rows already there, in id order, from the genesis hash (64 zeros).
DO $do$
DECLARE
  r audit_log;
  prev text := repeat('0', 64);
  last_id bigint := 0;
BEGIN
  ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    r.prev_hash := prev;
    r.hash := encode(sha256(convert_to(audit_log_canonical(r), 'UTF8')), 'hex');
    UPDATE audit_log SET prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
    prev := r.hash;
    last_id := r.id;
  END LOOP;
  ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
  INSERT INTO audit_chain_head (is_head, last_id, last_hash) VALUES (true, last_id, prev);
END
$do$;
--> statement-breakpoint
-- Every insert, whoever makes it: lock the head (appenders queue here until the holder commits, so
-- concurrent writers form one chain), take the id only now (ids then follow chain order), link to the
-- previous row and hash. The previous row is the head's — or, for the second and later rows of one
-- statement, the row this statement inserted last (the head moves once per statement, in the AFTER
-- STATEMENT trigger below: moving it per row would leave one dead version of the head row per row in the
-- transaction, and every lock would walk them all — a 10 000-row import took quadratic time). Rows the
-- statement inserted are visible here (a row-level BEFORE trigger sees the rows its statement already
-- processed). Under REPEATABLE READ, a writer whose snapshot predates another's append fails on the head's
-- lock with a serialization error, never forks the chain. SECURITY DEFINER: the app's role may not write
-- the head itself.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE
  head audit_chain_head;
  prev_id bigint;
  prev_hash text;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE is_head FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'audit_chain_head is missing: the audit chain cannot be extended'; END IF;
  SELECT a.id, a.hash INTO prev_id, prev_hash FROM audit_log a WHERE a.id > head.last_id ORDER BY a.id DESC LIMIT 1;
  IF prev_id IS NULL THEN
    prev_id := head.last_id;
    prev_hash := head.last_hash;
  END IF;
  NEW.id := nextval('audit_log_id_seq'::regclass);
  -- Rows inserted with explicit ids (older data, a restore) can leave the sequence behind the chain.
  IF NEW.id <= prev_id THEN
    PERFORM setval('audit_log_id_seq'::regclass, prev_id);
    NEW.id := nextval('audit_log_id_seq'::regclass);
  END IF;
  NEW.prev_hash := prev_hash;
  NEW.hash := encode(sha256(convert_to(audit_log_canonical(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
-- Once per inserting statement: the head moves to the statement's last row (the lock is already held).
CREATE OR REPLACE FUNCTION audit_log_chain_head() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
BEGIN
  UPDATE audit_chain_head h SET last_id = a.id, last_hash = a.hash
    FROM (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) a
   WHERE h.is_head AND a.id > h.last_id;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint
-- The trigger takes the id; a column default would draw one more from the sequence per row, before the
-- trigger, leaving every other id unused (gaps an auditor would ask about). NOT NULL is checked after it.
ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_chain() FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_chain_head() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE TRIGGER audit_log_chain_head AFTER INSERT ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_chain_head();
