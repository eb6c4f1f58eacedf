/**
 * Generators from a LinkML {@link org.openforge.ontology.linkml.SchemaView}:
 * {@link org.openforge.ontology.generate.PostgresDdlGenerator#generate} (PostgreSQL tables, enum types, keys,
 * constraints and comments) and {@link org.openforge.ontology.generate.JsonSchemaGenerator#generate} (JSON Schema
 * draft 2020-12). {@link org.openforge.ontology.generate.SqlNames} gives the snake_case naming and quoting the DDL
 * uses.
 */
package org.openforge.ontology.generate;
