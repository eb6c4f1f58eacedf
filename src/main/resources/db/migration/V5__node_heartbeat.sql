-- Each platform node beats here; a node whose beat is older than 30 s is taken for dead and the job locks it held
-- are released by a surviving node, so its interrupted work resumes within a minute.
create table node_heartbeat (
  node_id     varchar(255) primary key,
  started_at  timestamp with time zone not null,
  beat_at     timestamp with time zone not null
);
