-- The credit ledger is append-only: a posted row never changes. (Rows go away only with
-- their user, through the ON DELETE CASCADE of the account.)
CREATE OR REPLACE FUNCTION credit_ledger_immutable() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'credit_ledger is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER credit_ledger_no_update BEFORE UPDATE ON credit_ledger
  FOR EACH ROW EXECUTE FUNCTION credit_ledger_immutable();
