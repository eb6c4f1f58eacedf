package org.openforge.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@RequiresRole(Role.ADMIN)
@Tag(name = "API keys", description = "Admin only. Keys are stored hashed; a new key is shown once.")
public class ApiKeyController {

  private final ApiKeyService keys;

  public ApiKeyController(ApiKeyService keys) {
    this.keys = keys;
  }

  public record CreateKeyRequest(@NotBlank @Size(max = 200) String name, @NotNull Role role,
      @Schema(description = "A read-only product key: the data product (its name, as in GET .../product) whose "
          + "data API alone the key reads; the role must be viewer. Omitted: a platform key.",
          example = "sales_analytics_platform_3f2a9c1e", nullable = true)
      @Size(max = 64) String product) {}

  public record CreatedKey(String id, String name, Role role, String key, String keyPrefix, OffsetDateTime createdAt,
      @Schema(description = "The data product of a read-only product key; null for a platform key", nullable = true)
      String product) {}

  public record KeyView(String id, String name, Role role, String keyPrefix, String createdBy, OffsetDateTime createdAt,
      OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, boolean active,
      @Schema(description = "The data product of a read-only product key; null for a platform key", nullable = true)
      String product) {

    static KeyView of(ApiKey k) {
      return new KeyView(k.id(), k.name(), k.role(), k.keyPrefix(), k.createdBy(), k.createdAt(), k.lastUsedAt(),
          k.revokedAt(), k.active(), k.product());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Create an API key", description = "The key is in this response only. With `product`, a "
      + "read-only product key: GET /data/v1/{product}/... only; anything else is 403.")
  public CreatedKey create(@Valid @RequestBody CreateKeyRequest request) {
    ApiKeyService.IssuedKey issued = keys.create(request.name().strip(), request.role(), request.product(),
        Caller.current().name());
    return new CreatedKey(issued.key().id(), issued.key().name(), issued.key().role(), issued.secret(),
        issued.key().keyPrefix(), issued.key().createdAt(), issued.key().product());
  }

  @GetMapping
  @Operation(summary = "List API keys", description = "Without secrets.")
  public List<KeyView> list() {
    return keys.list().stream().map(KeyView::of).toList();
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(summary = "Revoke an API key")
  public void revoke(@PathVariable String id) {
    keys.revoke(id);
  }
}
