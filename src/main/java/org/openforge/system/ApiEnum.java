package org.openforge.system;

import java.util.Arrays;
import java.util.List;

/** An enum whose JSON form is a fixed lower-case word; unknown words are validation errors. */
public interface ApiEnum {

  String value();

  static <E extends Enum<E> & ApiEnum> E parse(Class<E> type, String field, String raw) {
    for (E candidate : type.getEnumConstants()) {
      if (candidate.value().equals(raw)) {
        return candidate;
      }
    }
    throw ApiException.invalid(field, "must be one of " + values(type) + (raw == null ? "" : ", got '" + raw + "'"));
  }

  static List<String> values(Class<?> type) {
    return Arrays.stream(type.getEnumConstants()).map(e -> ((ApiEnum) e).value()).toList();
  }
}
