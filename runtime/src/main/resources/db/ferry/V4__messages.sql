-- A row per open message subscription, so that POST /messages finds the instance waiting for a message
-- by name and correlation key without reading snapshots. The snapshot says which token waits and where.
create table ferry_subscription (
    instance_id      uuid        not null references ferry_instance (id),
    subscription_id  text        not null,
    message_name     text        not null,
    correlation_key  text        not null,
    created_at       timestamptz not null,
    primary key (instance_id, subscription_id)
);

create index ferry_subscription_message on ferry_subscription (message_name, correlation_key, created_at);

-- Messages sent with a time to live that found no subscriber yet, oldest first.
create table ferry_message (
    id               uuid        primary key,
    name             text        not null,
    correlation_key  text,
    variables        jsonb       not null,
    message_id       text        unique,
    expires_at       timestamptz not null,
    created_at       timestamptz not null
);

create index ferry_message_waiting on ferry_message (name, correlation_key, created_at);

-- Every message id that was correlated or started an instance, so that a repeat is not correlated twice.
create table ferry_message_receipt (
    message_id   text        primary key,
    instance_id  uuid        not null,
    received_at  timestamptz not null
);
