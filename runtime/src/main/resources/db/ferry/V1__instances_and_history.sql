-- Every row of an operation is keyed by the instance id, so one operation touches one instance and
-- the tables can later be distributed by instance id (Citus-style).

create table ferry_instance (
    id               uuid        primary key,
    process_id       text        not null,
    process_version  text        not null,
    status           text        not null,
    business_key     text,
    correlation_id   text        not null,
    state            jsonb       not null,
    revision         bigint      not null,
    history_length   bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create index ferry_instance_process on ferry_instance (process_id, process_version, status);
create index ferry_instance_business_key on ferry_instance (business_key) where business_key is not null;

create table ferry_history_event (
    instance_id     uuid        not null references ferry_instance (id),
    sequence        bigint      not null,
    id              uuid        not null,
    type            text        not null,
    node_id         text,
    token_id        text,
    data            jsonb,
    occurred_at     timestamptz not null,
    correlation_id  text        not null,
    causation_id    text        not null,
    primary key (instance_id, sequence)
);

-- An Idempotency-Key on POST /processes/{id}/instances returns the same instance, never a second one.
create table ferry_idempotency_key (
    process_id      text        not null,
    idempotency_key text        not null,
    instance_id     uuid        not null references ferry_instance (id),
    created_at      timestamptz not null,
    primary key (process_id, idempotency_key)
);

create table ferry_incident (
    instance_id  uuid        not null references ferry_instance (id),
    id           uuid        not null,
    type         text        not null,
    message      text        not null,
    node_ids     text        not null, -- a JSON array of node ids
    created_at   timestamptz not null,
    resolved_at  timestamptz,
    primary key (instance_id, id)
);
