package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A declared unique constraint or unique index (other than the primary key). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UniqueConstraint(String name, List<String> columns) {}
