-- Open Forge's own tables. The engine owns the ACT_* tables; status is never stored here,
-- it is derived from the engine. Portable across H2 2.x and PostgreSQL 15+.

create table engagement (
  id                  varchar(36)  primary key,
  name                varchar(200) not null,
  objective           text,
  description         text,
  priority            varchar(16)  not null,
  agent_config        text         not null,
  requires_approval   boolean      not null,
  process_instance_id varchar(64),
  created_by          varchar(200),
  created_at          timestamp with time zone not null,
  updated_at          timestamp with time zone not null
);
create index ix_engagement_created on engagement (created_at);
create index ix_engagement_process on engagement (process_instance_id);

create table data_source (
  id                varchar(36)  primary key,
  name              varchar(200) not null,
  source_type       varchar(32)  not null,
  description       text,
  connection_config text         not null,
  secret            text,
  last_test_success boolean,
  last_test_message text,
  last_test_details text,
  last_tested_at    timestamp with time zone,
  created_at        timestamp with time zone not null,
  updated_at        timestamp with time zone not null
);

create table engagement_data_source (
  engagement_id  varchar(36) not null references engagement (id),
  data_source_id varchar(36) not null references data_source (id),
  attached_at    timestamp with time zone not null,
  primary key (engagement_id, data_source_id)
);

create table artifact (
  id            varchar(36)  primary key,
  engagement_id varchar(36)  not null references engagement (id),
  name          varchar(200) not null,
  kind          varchar(64)  not null,
  phase         varchar(16),
  version       integer      not null,
  media_type    varchar(100) not null,
  content       text         not null,
  summary       text,
  metadata      text,
  agent_task_id varchar(36),
  created_at    timestamp with time zone not null,
  constraint uq_artifact_version unique (engagement_id, name, version)
);
create index ix_artifact_engagement_kind on artifact (engagement_id, kind);

create table gate_pass (
  id            varchar(36)  primary key,
  engagement_id varchar(36)  not null references engagement (id),
  gate_id       varchar(64)  not null,
  phase         varchar(16)  not null,
  validator     varchar(200) not null,
  evidence      text,
  passed_by     varchar(200) not null,
  created_at    timestamp with time zone not null
);
create index ix_gate_pass_engagement on gate_pass (engagement_id);

create table gate_evaluation (
  id                  varchar(36) primary key,
  engagement_id       varchar(36) not null references engagement (id),
  phase               varchar(16) not null,
  origin              varchar(16) not null,
  process_instance_id varchar(64),
  inputs              text        not null,
  unmet               text        not null,
  ready               boolean     not null,
  evaluated_at        timestamp with time zone not null
);
create index ix_gate_evaluation_engagement on gate_evaluation (engagement_id, evaluated_at);

create table approval (
  id                  varchar(36)  primary key,
  engagement_id       varchar(36)  not null references engagement (id),
  approval_type       varchar(32)  not null,
  phase               varchar(16),
  title               varchar(300) not null,
  description         text,
  items               text         not null,
  context             text,
  status              varchar(16)  not null,
  routing             varchar(16)  not null,
  routing_reason      text,
  task_id             varchar(64),
  process_instance_id varchar(64),
  requested_at        timestamp with time zone not null,
  decided_by          varchar(200),
  decision_comment    text,
  decided_at          timestamp with time zone
);
create index ix_approval_engagement on approval (engagement_id, status);
create index ix_approval_task on approval (task_id);

create table api_key (
  id           varchar(36)  primary key,
  name         varchar(200) not null,
  role         varchar(16)  not null,
  key_hash     varchar(64)  not null,
  key_prefix   varchar(16)  not null,
  created_by   varchar(200),
  created_at   timestamp with time zone not null,
  revoked_at   timestamp with time zone,
  last_used_at timestamp with time zone,
  constraint uq_api_key_hash unique (key_hash)
);

create table audit_event (
  id            varchar(36)  primary key,
  engagement_id varchar(36),
  action        varchar(64)  not null,
  actor         varchar(200) not null,
  details       text,
  created_at    timestamp with time zone not null
);
create index ix_audit_engagement on audit_event (engagement_id, created_at);

create table agent_task (
  id                  varchar(36)  primary key,
  engagement_id       varchar(36)  not null references engagement (id),
  task_type           varchar(64)  not null,
  description         text,
  input_data          text,
  status              varchar(16)  not null,
  phase               varchar(16),
  origin              varchar(16)  not null,
  process_instance_id varchar(64),
  execution_id        varchar(64),
  attempts            integer      not null default 0,
  max_iterations      integer,
  timeout_seconds     integer,
  result              text,
  summary             text,
  confidence          double precision,
  error               text,
  model_provider      varchar(32),
  model_name          varchar(100),
  input_tokens        bigint       not null default 0,
  output_tokens       bigint       not null default 0,
  model_calls         integer      not null default 0,
  created_by          varchar(200),
  created_at          timestamp with time zone not null,
  started_at          timestamp with time zone,
  finished_at         timestamp with time zone
);
create index ix_agent_task_engagement on agent_task (engagement_id, status);
create index ix_agent_task_execution on agent_task (execution_id);

create table agent_event (
  id         bigint generated by default as identity primary key,
  task_id    varchar(36) not null references agent_task (id),
  seq        integer     not null,
  event_type varchar(16) not null,
  payload    text        not null,
  created_at timestamp with time zone not null,
  constraint uq_agent_event_seq unique (task_id, seq)
);

create table agent_message (
  id          bigint generated by default as identity primary key,
  task_id     varchar(36) not null references agent_task (id),
  seq         integer     not null,
  role        varchar(16) not null,
  content     text,
  tool_calls  text,
  created_at  timestamp with time zone not null,
  constraint uq_agent_message_seq unique (task_id, seq)
);
