-- A refused task completion names the event that ended the task (TaskEndings.ENDING): the task's
-- creation and its end, looked up by instance and token. Only the events of these three types are
-- indexed, so an instance's other events cost the index nothing.
create index ferry_history_event_task on ferry_history_event (instance_id, token_id)
    where type in ('TaskCreated', 'TaskCompleted', 'NodeTerminated');
