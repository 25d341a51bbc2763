import type { Migration } from './migration';

/**
 * Where a draft came from, when it was not drawn by hand. A rollback draft (made by "Roll back this push…") is
 * the exact inverse of one push; the console must know it to open it for review with its banner and to keep
 * ordinary edits out of it. Until now only its name hinted at it.
 *
 * Existing rollback drafts are recognised by the name the rollback gave them (`Rollback · 回滚 <push time>`,
 * to the minute) when exactly one finished push was made at that minute, before the draft; others stay plain.
 */
export const migration0030DraftOrigin: Migration = {
  version: 30,
  name: 'draft-origin',
  up(db) {
    db.exec(`
      ALTER TABLE drafts ADD COLUMN origin_kind TEXT CHECK (origin_kind IN ('rollback'));
      -- The push a rollback draft undoes (a push journal outlives its draft, so this stays readable).
      ALTER TABLE drafts ADD COLUMN origin_push_id TEXT REFERENCES push_journals(id);

      UPDATE drafts SET
        origin_kind = 'rollback',
        origin_push_id = (SELECT j.id FROM push_journals j
                           WHERE j.finished_at IS NOT NULL AND j.created_at <= drafts.created_at
                             AND replace(substr(j.created_at, 1, 16), 'T', ' ') = substr(drafts.name, 15))
      WHERE substr(drafts.name, 1, 14) = 'Rollback · 回滚 '
        AND (SELECT count(*) FROM push_journals j
              WHERE j.finished_at IS NOT NULL AND j.created_at <= drafts.created_at
                AND replace(substr(j.created_at, 1, 16), 'T', ' ') = substr(drafts.name, 15)) = 1;
    `);
  },
};
