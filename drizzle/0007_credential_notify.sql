-- Every process caches the keys and grants it has verified (lib/credentials/). Whatever
-- revokes, deletes or narrows one — the domain verbs, better-auth's own endpoints, a user's
-- or a client's deletion (cascades fire row triggers too), plan caps — announces it here, at
-- commit, and every listening process evicts it. Last-used writes are not announced.
CREATE OR REPLACE FUNCTION pixola_credential_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('pixola_credentials', TG_ARGV[0] || ':' || OLD.id);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER api_keys_changed AFTER UPDATE OF hash, user_id, scopes, revoked_at OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION pixola_credential_changed('k');
--> statement-breakpoint
CREATE TRIGGER oauth_consent_changed AFTER UPDATE OF client_id, user_id, scopes, created_at OR DELETE ON oauth_consent
  FOR EACH ROW EXECUTE FUNCTION pixola_credential_changed('g');
