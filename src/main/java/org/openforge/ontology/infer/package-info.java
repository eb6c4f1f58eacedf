/**
 * Inference of a LinkML schema from source catalogs and requirements.
 *
 * <pre>{@code
 * SchemaInference.Result r = SchemaInference.infer(id, name, title, catalogs, requirements);
 * SchemaDefinition schema = r.schema();   // one class per entity table, provenance in annotations
 * }</pre>
 *
 * {@link org.openforge.ontology.infer.SchemaInference} decides the classes (entity tables; {@link
 * org.openforge.ontology.infer.Junctions junction tables} become multivalued slots), {@link
 * org.openforge.ontology.infer.Identifiers identifiers}, ranges, references, {@link org.openforge.ontology.infer.Enums
 * enums} and computed slots for figures the requirements ask for; {@link org.openforge.ontology.infer.Provenance}
 * names the annotations that map every class and slot back to its source ({@code source_id}, {@code source_table},
 * {@code source_column}, ...); {@link org.openforge.ontology.infer.Naming} gives the naming rules.
 */
package org.openforge.ontology.infer;
