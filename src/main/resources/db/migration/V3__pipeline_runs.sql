-- The data product's pipelines (DESIGN §9): each deployed pipeline version with the plan it runs, and every run
-- with its steps and tests. A run's status is ours (the engine's instance may be gone from history).

create table pipeline_definition (
  engagement_id          varchar(36)  not null references engagement (id),
  version                integer      not null,
  process_key            varchar(200) not null,
  process_definition_id  varchar(64),
  deployment_id          varchar(64),
  schedule               varchar(100) not null,
  plan                   text         not null,
  created_at             timestamp with time zone not null,
  primary key (engagement_id, version)
);

create table pipeline_run (
  id                   varchar(36)  primary key,
  engagement_id        varchar(36)  not null references engagement (id),
  pipeline_version     integer      not null,
  target_version       integer      not null,
  process_instance_id  varchar(64),
  status               varchar(20)  not null,
  run_trigger          varchar(20)  not null,
  error                text,
  started_at           timestamp with time zone not null,
  finished_at          timestamp with time zone
);
create index ix_pipeline_run_engagement on pipeline_run (engagement_id, started_at);
create index ix_pipeline_run_process on pipeline_run (process_instance_id);

create table pipeline_step (
  run_id        varchar(36)  not null references pipeline_run (id),
  name          varchar(300) not null,
  kind          varchar(20)  not null,
  rows_read     bigint,
  rows_written  bigint,
  seconds       double precision,
  status        varchar(20)  not null,
  error         text,
  finished_at   timestamp with time zone not null,
  primary key (run_id, name)
);

create table pipeline_test (
  run_id        varchar(36)  not null references pipeline_run (id),
  model         varchar(200) not null,
  test          varchar(300) not null,
  status        varchar(20)  not null,
  failing_rows  bigint       not null,
  examples      text,
  primary key (run_id, model, test)
);
