package org.openforge.system;

import java.util.List;
import java.util.function.Function;

/** A page of a list: {@code {items, page, page_size, total}}. */
public record PageResponse<T>(List<T> items, int page, int pageSize, long total) {

  public <R> PageResponse<R> map(Function<T, R> mapper) {
    return new PageResponse<>(items.stream().map(mapper).toList(), page, pageSize, total);
  }
}
