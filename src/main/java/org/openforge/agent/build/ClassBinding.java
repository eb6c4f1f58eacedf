package org.openforge.agent.build;

import java.util.List;
import java.util.Optional;

/**
 * An ontology class bound to one table (or CSV file) of one attached data source, with its slots.
 *
 * @param table the table as the ontology or mapping names it ({@code customers}, {@code sales.customers})
 * @param identifier the identifier slot's name, null when the class has none
 * @param uniqueKeys the class's {@code unique_keys} as lists of slot names
 * @param origin {@code mapping}, {@code annotation} or {@code name_match}
 */
public record ClassBinding(String className, String sourceId, String table, String identifier,
    List<SlotBinding> slots, List<UniqueKey> uniqueKeys, String origin) {

  /** A LinkML unique key of a class. */
  public record UniqueKey(String name, List<String> slots) {}

  public ClassBinding {
    slots = List.copyOf(slots);
    uniqueKeys = uniqueKeys == null ? List.of() : List.copyOf(uniqueKeys);
  }

  public Optional<SlotBinding> slot(String name) {
    return slots.stream().filter(s -> s.slot().equals(name)).findFirst();
  }

  public Optional<SlotBinding> identifierSlot() {
    return identifier == null ? Optional.empty() : slot(identifier);
  }

  public List<SlotBinding> references() {
    return slots.stream().filter(s -> s.reference() && s.mapped()).toList();
  }

  /** The same class with one slot replaced (matched by name). */
  public ClassBinding with(SlotBinding replacement) {
    return new ClassBinding(className, sourceId, table, identifier, slots.stream()
        .map(s -> s.slot().equals(replacement.slot()) ? replacement : s).toList(), uniqueKeys, origin);
  }
}
