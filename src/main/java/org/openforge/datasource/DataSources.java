package org.openforge.datasource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openforge.system.ApiException;
import org.openforge.system.JsonText;
import org.springframework.stereotype.Service;

/**
 * Loads data sources with their decrypted configuration, for the catalog ({@code catalog.Catalogs}), queries
 * ({@code catalog.SourceQueries}) and agents.
 */
@Service
public class DataSources {

  private final DataSourceRepository repository;
  private final SourceConfigParser parser;
  private final SecretBox secrets;
  private final JsonText json;

  public DataSources(DataSourceRepository repository, SourceConfigParser parser, SecretBox secrets, JsonText json) {
    this.repository = repository;
    this.parser = parser;
    this.secrets = secrets;
    this.json = json;
  }

  /** The data source, or a 404 {@link ApiException}. */
  public static final String SOURCE = "source";
  public static final String TARGET = "target";

  /** Whether the data source is a target (written to by pipelines) rather than a source. */
  public boolean isTarget(String id) {
    return TARGET.equals(repository.role(id));
  }

  public DataSourceRecord get(String id) {
    return find(id).orElseThrow(() -> ApiException.notFound("data source", id));
  }

  /** The data source, if it exists. */
  public Optional<DataSourceRecord> find(String id) {
    return repository.findById(id).map(this::record);
  }

  /** The sources attached to an engagement, in the order they were attached. */
  public List<DataSourceRecord> forEngagement(String engagementId) {
    return repository.forEngagement(engagementId).stream().map(this::record).toList();
  }

  DataSourceRecord record(StoredSource s) {
    Secret password = Secret.none();
    if (s.secret() != null) {
      Map<String, Object> secret = json.map(secrets.open(s.secret(), s.id()));
      password = Secret.of((String) secret.get("password"));
    }
    SourceConfig config = parser.fromStored(s.sourceType(), json.map(s.connectionConfig()), password);
    LastTest last = s.lastTestedAt() == null ? null
        : new LastTest(s.lastTestSuccess(), s.lastTestMessage(), json.map(s.lastTestDetails()), s.lastTestedAt());
    return new DataSourceRecord(s.id(), s.name(), s.sourceType(), s.description(), config, last, s.createdAt(),
        s.updatedAt());
  }
}
