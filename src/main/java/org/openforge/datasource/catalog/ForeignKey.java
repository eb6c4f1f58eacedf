package org.openforge.datasource.catalog;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** A foreign key: declared by the database, or {@code inferred} from names and values (CSV files). */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
    List<String> referencedColumns, boolean inferred) {}
