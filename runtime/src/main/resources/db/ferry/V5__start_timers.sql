-- A row per timer start event of a deployed process: when it next starts an instance. Every pod
-- registers the timers of the processes it deploys; a changed timer definition arms the row again.
create table ferry_start_timer (
    process_id     text        not null,
    node_id        text        not null,
    definition     text        not null, -- the timer as the BPMN states it (type and text)
    due_at         timestamptz not null,
    fired          integer     not null,
    claimed_until  timestamptz,
    primary key (process_id, node_id)
);

create index ferry_start_timer_due on ferry_start_timer (due_at);
