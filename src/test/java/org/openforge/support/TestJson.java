package org.openforge.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** For tests without the application context: a mapper configured as application.yaml configures the bean. */
public final class TestJson {

  private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private TestJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
