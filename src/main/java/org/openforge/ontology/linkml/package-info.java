/**
 * LinkML in Java: the schema model, YAML reading and writing, the induced view, validation and diff.
 *
 * <pre>{@code
 * SchemaDefinition schema = SchemaReader.parse(yaml);           // or SchemaReader.read(path)
 * String text = SchemaWriter.write(schema);                      // conventional LinkML YAML, round-trips
 * SchemaView view = SchemaView.of(schema);                       // or SchemaView.load(path) to follow local imports
 * List<ValidationIssue> issues = SchemaValidator.validate(view); // ERROR / WARNING with paths like classes.Sale.attributes.customer.range
 * List<SlotDefinition> slots = view.inducedSlots("Sale");        // inherited slots with slot_usage applied
 * List<SchemaChange> changes = SchemaDiff.compare(before, after); // {name, summary, breaking} for reviewers
 * }</pre>
 *
 * The records ({@link org.openforge.ontology.linkml.SchemaDefinition}, {@link
 * org.openforge.ontology.linkml.ClassDefinition}, {@link org.openforge.ontology.linkml.SlotDefinition}, {@link
 * org.openforge.ontology.linkml.EnumDefinition}, {@link org.openforge.ontology.linkml.TypeDefinition}, {@link
 * org.openforge.ontology.linkml.PermissibleValue}) hold what a document says, with unknown keys kept in
 * {@code extensions}; {@link org.openforge.ontology.linkml.SchemaView} answers what it means.
 */
package org.openforge.ontology.linkml;
