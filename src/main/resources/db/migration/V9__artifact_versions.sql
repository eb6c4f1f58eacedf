-- The last version number given to each artifact name of an engagement. Taken in a short transaction of its own
-- (ArtifactVersions), so writers of an engagement's artifacts no longer wait for each other's whole run to commit;
-- a number whose artifact was rolled back is not given again. Seeded from the artifacts written so far.
create table artifact_version (
  engagement_id varchar(36)  not null,
  name          varchar(200) not null,
  last_version  integer      not null,
  constraint pk_artifact_version primary key (engagement_id, name)
);
insert into artifact_version (engagement_id, name, last_version)
  select engagement_id, name, max(version) from artifact group by engagement_id, name;
