/**
 * The Design phase agents (DESIGN §5) and what they produce.
 *
 * <ul>
 *   <li>{@link org.openforge.agent.design.OntologyDesignAgent} ({@code ontology_design}): artifacts {@code ontology}
 *       (LinkML YAML; metadata {@code valid, class_count, slot_count, enum_count, error_count, warning_count}),
 *       {@code ontology_ddl} (PostgreSQL) and {@code ontology_json_schema}. A new version that changes an approved one
 *       waits for a {@code schema_change} approval.</li>
 *   <li>{@link org.openforge.agent.design.SchemaValidationAgent} ({@code schema_validation}): artifact
 *       {@code schema_validation_report} (JSON: {@code passed_checks}, {@code failed_checks}, {@code checks: [{check,
 *       class, slot, status, violation_count, exact, method, source_id, source_table, source_column, rows_checked,
 *       examples, message}]}; metadata {@code passed_checks, failed_checks}).</li>
 *   <li>{@link org.openforge.agent.design.TransformationDesignAgent} ({@code transformation_design}): artifact
 *       {@code transformation_mapping} (JSON: {@code mappings: [{class, source_id, source_table, slots: [{slot, kind,
 *       source_column, expression, source_type, target_range}]}], unmapped: [{class, slot, reason}]}; metadata
 *       {@code mapped_class_count, unmapped_class_count, mapped_slot_count, unmapped_slot_count}).</li>
 * </ul>
 *
 * All data access goes through the run's data tools ({@code list_data_sources}, {@code describe_source},
 * {@code profile_source}, {@code sample_rows}, {@code execute_sql}), so tool approvals and the tool-call audit apply.
 * {@link org.openforge.agent.design.Bindings} maps an ontology back to the sources for validation and mapping.
 */
package org.openforge.agent.design;
