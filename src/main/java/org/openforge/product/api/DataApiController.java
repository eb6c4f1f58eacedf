package org.openforge.product.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.openforge.system.ApiException;
import org.openforge.system.PageResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The data API of each published data product: read-only, any API key. */
@RestController
@RequestMapping("/data/v1/{product}")
@Tag(name = "Data products", description = "The published models of a data product, read-only")
public class DataApiController {

  /**
   * {@code X-Data-Product-Stage: preview} reads the version the latest pipeline run published, before (or between)
   * deployments; without it only a deployed product answers.
   */
  public static final String STAGE = "X-Data-Product-Stage";

  private final DataApiService data;
  private final DataApiOpenApi openApi;

  public DataApiController(DataApiService data, DataApiOpenApi openApi) {
    this.data = data;
    this.openApi = openApi;
  }

  @GetMapping(value = "/openapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The product's OpenAPI document", description = "One path per published model.")
  public String openApi(@PathVariable String product,
      @RequestHeader(name = STAGE, required = false) String stage) {
    return openApi.document(data.product(product, preview(stage)));
  }

  @GetMapping("/{model}/summary")
  @Operation(summary = "Totals of a published model", description = "count, and sum, min and max of every numeric "
      + "column, over the rows the filters match (the same filters as the rows).")
  public Map<String, Object> summary(@PathVariable String product, @PathVariable String model,
      @RequestParam Map<String, String> params, @RequestHeader(name = STAGE, required = false) String stage) {
    DataApiService.Product p = data.product(product, preview(stage));
    return data.summary(p, model, RowQuery.parse(params, data.columns(p, model)));
  }

  @GetMapping("/{model}")
  @Operation(summary = "Rows of a published model", description = "page, page_size (at most 1000, default 100), "
      + "sort (col or -col, comma-separated), filters col=v, col__gt, col__gte, col__lt, col__lte, col__in=a,b. "
      + "X-Total-Count and an ETag come with every page; If-None-Match answers 304.")
  public ResponseEntity<PageResponse<Map<String, Object>>> rows(@PathVariable String product,
      @PathVariable String model, @RequestParam Map<String, String> params,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      @RequestHeader(name = STAGE, required = false) String stage) {
    DataApiService.Product p = data.product(product, preview(stage));
    RowQuery query = RowQuery.parse(params, data.columns(p, model));
    DataApiService.Page page = data.rows(p, model, query);
    if (page.etag().equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(page.etag()).build();
    }
    return ResponseEntity.ok().eTag(page.etag()).header("X-Total-Count", String.valueOf(page.total()))
        .body(new PageResponse<>(page.items(), page.page(), page.pageSize(), page.total()));
  }

  private static boolean preview(String stage) {
    if (stage == null || stage.isBlank() || stage.equalsIgnoreCase("live")) {
      return false;
    }
    if (stage.equalsIgnoreCase("preview")) {
      return true;
    }
    throw ApiException.badRequest(STAGE + " is 'live' or 'preview', not '" + stage + "'");
  }
}
