-- A data source is read from (source) or written to (target: a PostgreSQL database an engagement's data product
-- lands in); an engagement without a target row uses the embedded DuckDB target.
alter table data_source add column source_role varchar(16) default 'source' not null;

create table engagement_target (
  engagement_id  varchar(36) primary key references engagement (id) on delete cascade,
  data_source_id varchar(36) not null references data_source (id)
);
