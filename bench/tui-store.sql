-- Grows a store made from sample-logs/incident-restart to :rows events by copying its real events
-- (so every row points at a real entry of a real file), spread evenly over 7 days from
-- 2024-03-01 00:00 UTC: 1 in 20 rows a client error, 1 in 200,000 a restart, shutdown or kill,
-- the rest info. Run by tui-first-frame.sh with .parameter set :rows N.
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -262144;
-- The store's layout: rowid = source << 32 + n, rare attributes in event_attrs (dropped here: the
-- first frame shows none of them).
CREATE TEMP TABLE tpl AS
    SELECT kind, code, host, off, len, msg, line, spid, rid >> 32 AS src, grp,
           row_number() OVER (PARTITION BY grp ORDER BY rid) - 1 AS n
    FROM (SELECT rowid AS rid, *, CASE WHEN kind IN (2, 4, 5) THEN 2 ELSE kind END AS grp
          FROM events WHERE kind IN (0, 1, 2, 4, 5));
CREATE TEMP TABLE grp_size AS SELECT grp, count(*) AS size FROM tpl GROUP BY grp;
DELETE FROM events;
DELETE FROM event_attrs;
WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < :rows - 1),
     pick AS (SELECT i, CASE WHEN i % 200000 = 100000 THEN 2 WHEN i % 20 = 0 THEN 1 ELSE 0 END AS grp FROM c)
INSERT INTO events(rowid, t, kind, code, host, off, len, msg, line, spid)
    SELECT (t.src << 32) + pick.i + 1, 1709251200000 + i * (604800000 / :rows), t.kind, t.code, t.host,
           t.off, t.len, t.msg, t.line, t.spid
    FROM pick JOIN grp_size g ON g.grp = pick.grp
    JOIN tpl t ON t.grp = pick.grp AND t.n = pick.i / 7 % g.size;
UPDATE sources SET first_t = 1709251200000, last_t = 1709251200000 + 604800000,
    events = (SELECT count(*) FROM events WHERE rowid >= sources.id << 32 AND rowid < (sources.id + 1) << 32);
