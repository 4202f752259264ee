-- Room on each page of events for the erasure's UPDATE (README "Retention and erasure", benchmark): with
-- free space on the page, the row version without its body is written in place (a HOT update), so none of the
-- four indexes of events gets a new entry and VACUUM has no index entries to remove. It costs about a tenth more
-- heap for pages written from now on; pages already full keep their layout.
ALTER TABLE events SET (fillfactor = 90);
