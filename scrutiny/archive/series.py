"""Views that line records up across successive packs of one body (DuckDB SQL over the tables)."""

from __future__ import annotations

# A printed date as a DATE: yyyy-mm-dd, or yyyy-mm ("Nov-09": by the end of November) as the last
# day of the month.
_DATE = "CASE WHEN length({0}) = 7 THEN last_day(TRY_CAST({0} || '-01' AS DATE)) ELSE TRY_CAST({0} AS DATE) END"
_TEXT_KEY = "trim(regexp_replace(lower({0}), '[^a-z0-9]+', ' ', 'g'))"

MILESTONE_HISTORY = f"""
WITH m AS (
    SELECT ms.*, p.date AS pack_date, lower(coalesce(ms.body, p.body, '')) AS body_key,
           {_TEXT_KEY.format('ms.text')} AS text_key,
           {_DATE.format('ms.due')} AS due_date,
           {_DATE.format('ex.revised_completion')} AS revised_date,
           ex.revised_completion AS revised_completion, ex.reason AS slippage_reason
    FROM milestones ms
    JOIN packs p USING (pack_id)
    LEFT JOIN (SELECT milestone_uid, min(revised_completion) AS revised_completion, min(reason) AS reason
               FROM exceptions WHERE milestone_uid IS NOT NULL GROUP BY milestone_uid) ex
           ON ex.milestone_uid = ms.uid
), s AS (
    SELECT *,
           substr(md5(body_key || '|' || coalesce(action_ref, '') || '|' || text_key), 1, 12) AS series,
           first_value(due_date) OVER w AS first_due,
           row_number() OVER w AS seen,
           count(*) OVER (PARTITION BY body_key, action_ref, text_key) AS packs_seen
    FROM m
    WINDOW w AS (PARTITION BY body_key, action_ref, text_key ORDER BY pack_date NULLS LAST, pack_id)
)
SELECT series, body, action_ref, text AS milestone, lead, lead_person_id, pack_id, pack_date AS date, seen,
       packs_seen, status, due, CAST(first_due AS VARCHAR) AS first_due, revised_completion, slippage_reason,
       date_diff('day', first_due, coalesce(revised_date, due_date)) AS slip_days, uid AS milestone_uid
FROM s
ORDER BY body_key, action_ref, text_key, seen
"""

ACTION_HISTORY = f"""
WITH a AS (
    SELECT ac.*, p.date AS pack_date, lower(coalesce(ac.body, p.body, '')) AS body_key,
           coalesce(upper(ac.ref), {_TEXT_KEY.format('ac.title')}) AS action_key, {_DATE.format('ac.due')} AS due_date
    FROM actions ac JOIN packs p USING (pack_id)
), s AS (
    SELECT *, first_value(due_date) OVER w AS first_due, row_number() OVER w AS seen,
           count(*) OVER (PARTITION BY body_key, action_key) AS packs_seen
    FROM a
    WINDOW w AS (PARTITION BY body_key, action_key ORDER BY pack_date NULLS LAST, pack_id)
)
SELECT substr(md5(body_key || '|' || action_key), 1, 12) AS series, body, ref, title, lead, lead_person_id, pack_id,
       pack_date AS date, seen, packs_seen, status, due, CAST(first_due AS VARCHAR) AS first_due,
       date_diff('day', first_due, due_date) AS slip_days, progress_note, uid AS action_uid
FROM s
ORDER BY body_key, action_key, seen
"""

INDICATOR_SERIES = """
WITH v AS (
    SELECT upper(regexp_replace(iv.code, '\\s+', '', 'g')) AS code_key, lower(coalesce(i.body, p.body, '')) AS body_key, iv.code, iv.period, iv.label, iv.value,
           iv.unit, iv.printed, iv.pack_id, p.date AS pack_date, i.body, i.description
    FROM indicator_values iv
    JOIN indicators i ON i.uid = iv.indicator_uid
    JOIN packs p ON p.pack_id = iv.pack_id
    WHERE iv.period IS NOT NULL AND iv.value IS NOT NULL
), counts AS (
    SELECT body_key, code_key, period, count(*) AS reported_in, count(DISTINCT value) AS distinct_values
    FROM v GROUP BY body_key, code_key, period
), latest AS (
    SELECT *, row_number() OVER (PARTITION BY body_key, code_key, period ORDER BY pack_date DESC NULLS LAST, pack_id DESC) AS rn
    FROM v
)
SELECT l.code, l.period, l.value, l.unit, l.printed, l.label, l.pack_id, l.pack_date AS reported,
       c.reported_in, c.distinct_values > 1 AS restated, l.body, l.description
FROM latest l JOIN counts c USING (body_key, code_key, period)
WHERE l.rn = 1
ORDER BY l.body_key, l.code_key, l.period
"""

ATTENDANCE = """
SELECT a.person_id, coalesce(pe.name, min(a.name)) AS name, a.body,
       count(DISTINCT a.pack_id) AS meetings,
       count(DISTINCT a.pack_id) FILTER (WHERE a.category NOT IN ('apologies', 'absent')) AS attended,
       count(DISTINCT a.pack_id) FILTER (WHERE a.category IN ('present', 'substitute')) AS present,
       count(DISTINCT a.pack_id) FILTER (WHERE a.category = 'apologies') AS apologies,
       count(DISTINCT a.pack_id) FILTER (WHERE a.category = 'absent') AS absent,
       min(a.date) AS first_date, max(a.date) AS last_date
FROM attendees a LEFT JOIN people pe USING (person_id)
WHERE a.person_id IS NOT NULL
GROUP BY a.person_id, pe.name, a.body
ORDER BY a.body, a.person_id
"""

VIEWS = {
    "action_history": ("One row per action per pack, lined up across the packs of one body by its ref (or its title "
                       "when it has none): status, due date, the first due date seen and the slip in days.", ACTION_HISTORY),
    "milestone_history": ("One row per milestone per pack, lined up across the packs of one body by action ref and "
                          "milestone text: status, due date, the first due date seen and the slip in days.", MILESTONE_HISTORY),
    "indicator_series": ("One row per body, indicator code and period across packs (periods de-duplicated: the value "
                         "of the latest pack, how many packs reported it and whether they differed).", INDICATOR_SERIES),
    "attendance": ("One row per registry person and body: meetings listed, attended (any category but "
                   "apologies and absent), present as a member, apologies and absences.", ATTENDANCE),
}
