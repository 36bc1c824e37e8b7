-- A row per job that is due or in back-off, so that a worker in any pod finds what to run without
-- reading snapshots. The instance's snapshot says which task the job is for and how many attempts
-- failed; the row only says when it may run next and who has claimed it. A job with an incident has
-- no row: only an operator moves it on.
create table ferry_job (
    instance_id    uuid        not null references ferry_instance (id),
    job_id         text        not null, -- the id of the token waiting at the service task
    due_at         timestamptz not null,
    claimed_until  timestamptz, -- a worker running it holds it until then; after that another pod may take it over
    primary key (instance_id, job_id)
);

create index ferry_job_due on ferry_job (due_at);

-- A job's incident names the job, and how many attempts failed.
alter table ferry_incident add column job_id text;
alter table ferry_incident add column attempts integer;

create index ferry_incident_open on ferry_incident (created_at) where resolved_at is null;
