import type { Migration } from './migration';

/**
 * The push plan moves into the push journal. Until now what a push was planned on (snapshot version and the
 * rebased draft operations) lived only in a `push.planned` audit entry, written in another transaction than the
 * journal and found again by paging the audit log backwards: a crash between the two left a push that could be
 * neither verified nor rolled back. Now the journal row carries it, written with the calls in one transaction.
 *
 * Also: how a push ended (`outcome`: verified, undone by a compensating push, abandoned) and, for a
 * compensating push, which push it undoes. Existing journals are filled in from their audit entries.
 */
export const migration0020PushPlan: Migration = {
  version: 20,
  name: 'push-plan',
  up(db) {
    db.exec(`
      ALTER TABLE push_journals ADD COLUMN planned_on_version INTEGER;
      -- The rebased draft operations the plan was made from, as JSON (validated with the draft schema on read).
      ALTER TABLE push_journals ADD COLUMN ops TEXT;
      ALTER TABLE push_journals ADD COLUMN outcome TEXT CHECK (outcome IN ('verified', 'undone', 'abandoned'));
      ALTER TABLE push_journals ADD COLUMN compensates TEXT REFERENCES push_journals(id);

      UPDATE push_journals SET
        planned_on_version = (SELECT json_extract(a.details, '$.plannedOnVersion') FROM audit_log a
                               WHERE a.action = 'push.planned' AND json_extract(a.details, '$.pushId') = push_journals.id
                                 AND json_extract(a.details, '$.plannedOnVersion') IS NOT NULL ORDER BY a.seq DESC LIMIT 1),
        ops = (SELECT json_extract(a.details, '$.ops') FROM audit_log a
                WHERE a.action = 'push.planned' AND json_extract(a.details, '$.pushId') = push_journals.id
                  AND json_extract(a.details, '$.ops') IS NOT NULL ORDER BY a.seq DESC LIMIT 1);
      UPDATE push_journals SET outcome = 'verified' WHERE finished_at IS NOT NULL;
    `);
  },
};
