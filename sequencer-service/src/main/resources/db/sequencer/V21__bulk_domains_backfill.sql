-- Mailboxes registered before V18 have no domain, and MailboxRegistered is not published again: take
-- the domain from the registration this sequencer recorded in its inbox (the first one, as register()
-- keeps it), so the bulk-sender budget applies to them too and a replay of the inbox agrees. Payloads
-- not kept (empty) are skipped; CASE keeps the JSON cast away from anything that does not start with '{'.
UPDATE mailbox_availability m SET domain = lower(r.domain)
FROM (SELECT DISTINCT ON (mailbox_id) mailbox_id, domain
      FROM (SELECT seq, doc ->> 'mailboxId' AS mailbox_id, doc ->> 'domain' AS domain
            FROM (SELECT seq, CASE WHEN substring(payload FROM 1 FOR 1) = '\x7b'::bytea
                                   THEN convert_from(payload, 'UTF8')::jsonb END AS doc
                  FROM inbox WHERE event_type = 'superkabe.mailbox.registered.v1' OFFSET 0) kept
            OFFSET 0) registered
      WHERE mailbox_id IS NOT NULL AND domain IS NOT NULL
      ORDER BY mailbox_id, seq) r
WHERE m.mailbox_id = r.mailbox_id AND m.domain IS NULL;
