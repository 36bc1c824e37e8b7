-- A row per armed timer, so that a poller in any pod finds what is due without reading snapshots.
-- The instance's snapshot says what firing does; the row only says when and who has claimed it.
create table ferry_timer (
    instance_id    uuid        not null references ferry_instance (id),
    timer_id       text        not null,
    due_at         timestamptz not null,
    claimed_until  timestamptz, -- a pod firing it holds it until then; after that another pod may take it over
    primary key (instance_id, timer_id)
);

create index ferry_timer_due on ferry_timer (due_at);
