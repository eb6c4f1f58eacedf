package org.openforge.datasource;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.openforge.datasource.catalog.Catalogs;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.SourceAccessException;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.engagement.Engagement;
import org.openforge.engagement.EngagementRepository;
import org.openforge.engagement.EvidenceArrived;
import org.springframework.context.ApplicationEventPublisher;
import org.openforge.process.EngagementState;
import org.openforge.engagement.EngagementStates;
import org.openforge.process.EngagementStatus;
import org.openforge.security.Caller;
import org.openforge.system.ApiEnum;
import org.openforge.system.ApiException;
import org.openforge.system.FieldViolation;
import org.openforge.system.JsonText;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * The data-sources API: create (JSON or CSV upload), list, read, delete, test and catalog. Credentials are sealed
 * before they are stored and never leave this service in clear.
 */
@Service
public class DataSourceService {

  private static final Logger log = LoggerFactory.getLogger(DataSourceService.class);

  private final DataSourceRepository repository;
  private final DataSources dataSources;
  private final SourceConfigParser parser;
  private final SecretBox secrets;
  private final JsonText json;
  private final ConnectionTester tester;
  private final Catalogs catalogs;
  private final CsvUploads uploads;
  private final ApplicationEventPublisher events;
  private final EngagementRepository engagements;
  private final EngagementStates states;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public DataSourceService(DataSourceRepository repository, DataSources dataSources, SourceConfigParser parser,
      SecretBox secrets, JsonText json, ConnectionTester tester, Catalogs catalogs, CsvUploads uploads,
      ApplicationEventPublisher events, EngagementRepository engagements, EngagementStates states,
      PlatformTransactionManager transactions, Clock clock) {
    this.repository = repository;
    this.dataSources = dataSources;
    this.parser = parser;
    this.secrets = secrets;
    this.json = json;
    this.tester = tester;
    this.catalogs = catalogs;
    this.uploads = uploads;
    this.events = events;
    this.engagements = engagements;
    this.states = states;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Validates and stores a source; every invalid field is reported at once (422) and nothing is stored. */
  public DataSourceView create(CreateDataSourceRequest request, Caller caller) {
    List<FieldViolation> errors = new ArrayList<>();
    String name = name(request.name(), errors);
    description(request.description(), errors);
    SourceType type = type(request.sourceType(), errors);
    SourceConfig config = null;
    if (request.connectionConfig() == null) {
      errors.add(new FieldViolation("connection_config", "is required"));
    } else if (type != null) {
      config = parser.parse(type, request.connectionConfig(), errors);
    }
    String role = request.role() == null ? DataSources.SOURCE : request.role();
    if (!role.equals(DataSources.SOURCE) && !role.equals(DataSources.TARGET)) {
      errors.add(new FieldViolation("role", "must be source or target"));
    } else if (role.equals(DataSources.TARGET) && type != null && type != SourceType.POSTGRESQL) {
      errors.add(new FieldViolation("role", "a target must be a postgresql data source"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    String id = UUID.randomUUID().toString();
    insert(id, name, type, request.description(), config);
    if (role.equals(DataSources.TARGET)) {
      repository.setRole(id, DataSources.TARGET);
    }
    log.info("data source {} ({}) created by {}", id, type.value(), caller.name());
    return view(id);
  }

  /** Stores uploaded CSV files as a new csv source. */
  public DataSourceView upload(String name, String description, List<MultipartFile> files, String delimiter,
      Boolean header, String encoding, Caller caller) {
    List<FieldViolation> errors = new ArrayList<>();
    String cleanName = name(name, errors);
    description(description, errors);
    List<String> names = uploads.names(files, errors);
    String id = UUID.randomUUID().toString();
    Map<String, Object> raw = new LinkedHashMap<>();
    raw.put("path", parser.roots().uploadFolder(id).toString());
    if (delimiter != null) {
      raw.put("delimiter", delimiter);
    }
    if (header != null) {
      raw.put("header", header);
    }
    if (encoding != null) {
      raw.put("encoding", encoding);
    }
    SourceConfig config = parser.parse(SourceType.CSV, raw, errors);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    try {
      uploads.store(id, files, names);
    } catch (IOException e) {
      removeUploads(id);
      throw new IllegalStateException("cannot store the uploaded files of data source " + id, e);
    }
    try {
      insert(id, cleanName, SourceType.CSV, description, config);
    } catch (RuntimeException e) {
      removeUploads(id);
      throw e;
    }
    log.info("csv data source {} uploaded by {} ({} files)", id, caller.name(), files.size());
    return view(id);
  }

  public PageResponse<DataSourceView> list(PageRequest page) {
    List<DataSourceView> items = repository.page(page.offset(), page.pageSize()).stream().map(this::view).toList();
    return new PageResponse<>(items, page.page(), page.pageSize(), repository.count());
  }

  public DataSourceView view(String id) {
    return view(stored(id));
  }

  /**
   * Deletes a source and its uploaded files. Refused (409) while it is attached to an engagement that is not finished
   * (draft, pending approval, approved, in progress, paused); links to finished engagements are removed with it.
   */
  public void delete(String id, Caller caller) {
    boolean upload = Boolean.TRUE.equals(transaction.execute(status -> {
      StoredSource s = stored(id);
      repository.lock(id);
      List<String> attached = repository.engagementIds(id);
      if (!attached.isEmpty()) {
        List<Engagement> rows = engagements.findAll(attached);
        Map<String, EngagementState> resolved = states.resolve(rows);
        List<String> blocking = rows.stream().filter(e -> {
          EngagementStatus st = resolved.get(e.id()).status();
          return st == EngagementStatus.DRAFT || st.active();
        }).map(Engagement::id).toList();
        if (!blocking.isEmpty()) {
          throw ApiException.conflict("data source " + id + " is attached to " + blocking.size()
              + " engagement(s) that are not finished; it can be deleted once they are completed or cancelled")
              .with("engagement_ids", blocking);
        }
      }
      repository.delete(id);
      return s.sourceType() == SourceType.CSV && isUpload(s);
    }));
    if (upload) {
      removeUploads(id);
    }
    log.info("data source {} deleted by {}", id, caller.name());
  }

  /**
   * Tests the connection (a failure is a result, not an error), records the outcome and, in the same transaction,
   * wakes the phase gates of the engagements the source is attached to.
   */
  public ConnectionTestResult test(String id, Caller caller) {
    StoredSource s = stored(id);
    ConnectionTestResult result;
    try {
      result = tester.test(dataSources.record(s));
    } catch (SecretBox.UnreadableSecretException e) {
      log.warn("data source {}: {}", id, e.getMessage());
      result = new ConnectionTestResult(false, e.getMessage(), 0, Map.of("error", e.getMessage()),
          OffsetDateTime.now(clock));
    }
    ConnectionTestResult outcome = result;
    transaction.executeWithoutResult(status -> {
      repository.recordTest(id, outcome.success(), outcome.message(), json.write(outcome.details()),
          outcome.testedAt());
      repository.engagementIds(id).forEach(e -> events.publishEvent(new EvidenceArrived(e)));
    });
    log.info("data source {} tested by {}: {}", id, caller.name(), outcome.success() ? "success" : "failure");
    return outcome;
  }

  /** The structure of the source (no profiling). */
  public SourceCatalog schema(String id) {
    DataSourceRecord record = dataSources.get(id);
    try {
      return catalogs.describe(record);
    } catch (SourceAccessException e) {
      throw unavailable(e);
    }
  }

  /** Structure, profiles and quality of the source. */
  public SourceCatalog catalog(String id, ProfileOptions options) {
    DataSourceRecord record = dataSources.get(id);
    try {
      return catalogs.profile(record, options);
    } catch (SourceAccessException e) {
      throw unavailable(e);
    }
  }

  private static ApiException unavailable(SourceAccessException e) {
    return new ApiException(HttpStatus.BAD_GATEWAY, "source_unavailable", "the data source cannot be read: "
        + e.getMessage(), null);
  }

  private void insert(String id, String name, SourceType type, String description, SourceConfig config) {
    String secret = null;
    if (config instanceof JdbcConfig jdbc && jdbc.password().isPresent()) {
      secret = secrets.seal(json.write(Map.of("password", jdbc.password().reveal())), id);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    repository.insert(new StoredSource(id, name, type, description, json.write(config.stored()), secret, null, null,
        null, null, now, now));
  }

  private boolean isUpload(StoredSource s) {
    Object path = json.map(s.connectionConfig()).get("path");
    return path != null && Path.of(path.toString()).equals(parser.roots().uploadFolder(s.id()));
  }

  private void removeUploads(String id) {
    try {
      uploads.remove(id);
    } catch (IOException e) {
      log.warn("cannot remove the uploaded files of data source {}: {}", id, e.toString());
    }
  }

  private StoredSource stored(String id) {
    return repository.findById(id).orElseThrow(() -> ApiException.notFound("data source", id));
  }

  private DataSourceView view(StoredSource s) {
    Map<String, Object> config = json.map(s.connectionConfig());
    if (s.sourceType().isJdbc()) {
      config.put("password", s.secret() == null ? null : "***");
    }
    LastTest last = s.lastTestedAt() == null ? null
        : new LastTest(s.lastTestSuccess(), s.lastTestMessage(), json.map(s.lastTestDetails()), s.lastTestedAt());
    return new DataSourceView(s.id(), s.name(), s.sourceType(), s.description(), config, last,
        repository.engagementIds(s.id()), s.createdAt(), s.updatedAt(), repository.role(s.id()));
  }

  private static String name(String name, List<FieldViolation> errors) {
    if (name == null || name.isBlank()) {
      errors.add(new FieldViolation("name", "is required"));
      return null;
    }
    if (name.strip().length() > 200) {
      errors.add(new FieldViolation("name", "must be at most 200 characters"));
    }
    return name.strip();
  }

  private static void description(String description, List<FieldViolation> errors) {
    if (description != null && description.length() > 10_000) {
      errors.add(new FieldViolation("description", "must be at most 10000 characters"));
    }
  }

  private static SourceType type(String raw, List<FieldViolation> errors) {
    if (raw == null || raw.isBlank()) {
      errors.add(new FieldViolation("source_type", "is required; one of " + ApiEnum.values(SourceType.class)));
      return null;
    }
    return SourceType.find(raw).orElseGet(() -> {
      errors.add(new FieldViolation("source_type", "must be one of " + ApiEnum.values(SourceType.class)
          + ", got '" + raw + "'"));
      return null;
    });
  }
}
