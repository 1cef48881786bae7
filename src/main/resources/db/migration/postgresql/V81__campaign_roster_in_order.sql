-- A campaign's roster lists its lines included first, then sent, paid, left out and taken off, each by county
-- (CampaignLines.page). Every page read all the campaign's lines and sorted them: a county's festival roster of
-- 11,992 lines, 16 ms a page. The index holds the lines in that order, so a page reads its own hundred (1 ms for 50); the
-- expression is the query's, word for word.
create index campaign_line_roster_idx on campaign_line (campaign_id,
    (case status when 'INCLUDED' then 0 when 'SENT' then 1 when 'PAID' then 2 when 'EXCLUDED' then 3 else 4 end),
    region_code, id);
