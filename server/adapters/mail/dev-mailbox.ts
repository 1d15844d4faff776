/** The development mailbox: the embedded default mailer stores mails in the database for /dev/mailbox. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Mailer } from './mailer.js';

/** A mailer that delivers into the dev_mails table. */
export function createDevMailbox(db: Kysely<Database>, now: () => Date): Mailer {
  return {
    async send(m) {
      const id = randomUUID();
      await db
        .insertInto('dev_mails')
        .values({ id, to: m.to, subject: m.subject, text: m.text, html: m.html ?? null, created_at: now().toISOString() })
        .execute();
      return { messageId: `<${id}@dev-mailbox>` };
    },
  };
}

/** Newest mails first. */
export async function listDevMails(db: Kysely<Database>, limit = 100) {
  return db.selectFrom('dev_mails').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}
