-- A read-only product key: an API key scoped to one data product's data API (/data/v1/<product>/...). Null: a
-- platform key, good for the whole API by its role.
alter table api_key add column product varchar(64);
