package org.openforge.datasource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.openforge.datasource.catalog.ProfileOptions;
import org.openforge.datasource.catalog.SourceCatalog;
import org.openforge.security.Caller;
import org.openforge.system.ApiException;
import org.openforge.system.PageRequest;
import org.openforge.system.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/data-sources")
@Tag(name = "Data sources", description = "PostgreSQL, MySQL/MariaDB and CSV sources: connection tests, catalog, "
    + "profiles. Passwords are encrypted at rest and shown as ***.")
public class DataSourceController {

  private final DataSourceService service;

  public DataSourceController(DataSourceService service) {
    this.service = service;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create a data source", description = "source_type postgresql, mysql, mariadb or csv; "
      + "connection_config {host, port, database, username, password, schema?} or {jdbc_url, username, password}, "
      + "or {path, delimiter?, header?, encoding?, null_values?} for csv (a path inside an allowed folder). "
      + "allow_privileged_agent_sql: true (admin only) lets agents run SQL although the account can do more than "
      + "read.")
  public DataSourceView create(@RequestBody CreateDataSourceRequest request) {
    AgentSqlPolicy.checkCreate(request.connectionConfig(), Caller.current());
    return service.create(request, Caller.current());
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Upload CSV files as a data source", description = "Multipart: name, files (one or more "
      + ".csv/.tsv), optional description, delimiter, header, encoding. Stored under the data dir's uploads/<id>/.")
  public DataSourceView upload(@RequestParam(required = false) String name,
      @RequestParam(required = false) String description,
      @RequestPart(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(required = false) String delimiter, @RequestParam(required = false) Boolean header,
      @RequestParam(required = false) String encoding) {
    return service.upload(name, description, files, delimiter, header, encoding, Caller.current());
  }

  @GetMapping
  @Operation(summary = "List data sources", description = "Newest first.")
  public PageResponse<DataSourceView> list(@RequestParam(required = false) Integer page,
      @RequestParam(name = "page_size", required = false) Integer pageSize) {
    return service.list(PageRequest.of(page, pageSize));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Get a data source", description = "The password is never returned (\"***\").")
  public DataSourceView get(@PathVariable String id) {
    return service.view(id);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Delete a data source", description = "409 while attached to an engagement that is not "
      + "finished; links to completed/cancelled/failed engagements are removed; uploaded files are deleted.")
  public void delete(@PathVariable String id) {
    service.delete(id, Caller.current());
  }

  @PostMapping("/{id}/test")
  @Operation(summary = "Test the connection", description = "Always 200: {success, message, latency_ms, details}. "
      + "The outcome is stored and is evidence for the gates of the engagements the source is attached to.")
  public ConnectionTestResult test(@PathVariable String id) {
    return service.test(id, Caller.current());
  }

  @GetMapping("/{id}/schema")
  @Operation(summary = "Catalog structure", description = "Tables/views/files, columns with native and normalized "
      + "types, primary, unique and foreign keys, row counts. 502 source_unavailable when the source cannot be read.")
  public SourceCatalog schema(@PathVariable String id) {
    return service.schema(id);
  }

  @GetMapping("/{id}/catalog")
  @Operation(summary = "Catalog with profiles", description = "The structure plus per-column profiles (nulls, "
      + "distincts, min/max, top values, semantic type) and per-table quality. Optional top_values (0..50) and "
      + "tables (comma-separated names or schema.name).")
  public SourceCatalog catalog(@PathVariable String id,
      @RequestParam(name = "top_values", required = false) Integer topValues,
      @RequestParam(required = false) String tables) {
    ProfileOptions options = ProfileOptions.defaults();
    if (topValues != null) {
      if (topValues < 0 || topValues > 50) {
        throw ApiException.invalid("top_values", "must be between 0 and 50");
      }
      options = options.withTopValues(topValues);
    }
    if (tables != null && !tables.isBlank()) {
      options = options.withTables(Arrays.stream(tables.split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .toList());
    }
    return service.catalog(id, options);
  }
}
