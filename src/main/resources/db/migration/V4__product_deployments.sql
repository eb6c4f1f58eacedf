-- Deployments of a data product (DESIGN §9): each version that was made live, with the pipeline version and the
-- published data version it serves. The active row is what the data API, the dashboard and the schedule serve.

create table product_deployment (
  engagement_id     varchar(36)  not null references engagement (id),
  version           integer      not null,
  pipeline_version  integer      not null,
  target_version    integer      not null,
  status            varchar(20)  not null,
  deployed_by       varchar(200) not null,
  deployed_at       timestamp with time zone not null,
  ended_at          timestamp with time zone,
  primary key (engagement_id, version)
);
