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
-- concurrent writers form one chain), take the id only now (ids then follow chain order, whatever the
-- column default drew), link to the head and move it. SECURITY DEFINER: the app's role may not write the
-- head itself. Under REPEATABLE READ a writer that lost the race gets a serialization error, never a fork.
CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public AS $fn$
DECLARE
  head audit_chain_head;
BEGIN
  SELECT * INTO head FROM audit_chain_head WHERE is_head FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'audit_chain_head is missing: the audit chain cannot be extended'; END IF;
  NEW.id := nextval('audit_log_id_seq'::regclass);
  -- Rows inserted with explicit ids (older data, a restore) can leave the sequence behind the head.
  IF NEW.id <= head.last_id THEN
    PERFORM setval('audit_log_id_seq'::regclass, head.last_id);
    NEW.id := nextval('audit_log_id_seq'::regclass);
  END IF;
  NEW.prev_hash := head.last_hash;
  NEW.hash := encode(sha256(convert_to(audit_log_canonical(NEW), 'UTF8')), 'hex');
  UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE is_head;
  RETURN NEW;
END
$fn$;
--> statement-breakpoint
-- The trigger takes the id; a column default would draw one more from the sequence per row, before the
-- trigger, leaving every other id unused (gaps an auditor would ask about). NOT NULL is checked after it.
ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_log_chain() FROM PUBLIC;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
