package org.openforge.ontology.linkml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openforge.ontology.linkml.SchemaChange.Element;
import org.openforge.ontology.linkml.SchemaChange.Kind;

/**
 * Compares two versions of a schema (with their imports) and lists what changed: schema id/version, types, enums and
 * their permissible values, classes, and every class's induced slots (so inherited changes and slot_usage count).
 * Breaking: removing a class, slot, type, enum or enum value; narrowing or changing a range; making a slot required or
 * adding a required slot; changing cardinality or inlining; changing a class's identifier; adding or changing a
 * pattern; raising a minimum or lowering a maximum; making a class abstract; dropping a parent. Additions and
 * relaxations are not breaking.
 */
public final class SchemaDiff {

  private static final Map<String, Set<String>> WIDER = Map.ofEntries(
      Map.entry("integer", Set.of("float", "double", "decimal", "string")),
      Map.entry("float", Set.of("double", "string")),
      Map.entry("double", Set.of("string")),
      Map.entry("decimal", Set.of("string")),
      Map.entry("boolean", Set.of("string")),
      Map.entry("date", Set.of("date_or_datetime", "string")),
      Map.entry("datetime", Set.of("date_or_datetime", "string")),
      Map.entry("date_or_datetime", Set.of("string")),
      Map.entry("time", Set.of("string")),
      Map.entry("uri", Set.of("uriorcurie", "string")),
      Map.entry("curie", Set.of("uriorcurie", "string")),
      Map.entry("uriorcurie", Set.of("string")),
      Map.entry("ncname", Set.of("string")),
      Map.entry("objectidentifier", Set.of("string")),
      Map.entry("nodeidentifier", Set.of("string")),
      Map.entry("jsonpointer", Set.of("string")),
      Map.entry("jsonpath", Set.of("string")),
      Map.entry("sparqlpath", Set.of("string")));

  private final SchemaView before;
  private final SchemaView after;
  private final List<SchemaChange> changes = new ArrayList<>();

  private SchemaDiff(SchemaView before, SchemaView after) {
    this.before = before;
    this.after = after;
  }

  /** The changes from {@code before} to {@code after}: schema, types, enums, then classes and their slots. */
  public static List<SchemaChange> compare(SchemaView before, SchemaView after) {
    SchemaDiff diff = new SchemaDiff(before, after);
    diff.run();
    return List.copyOf(diff.changes);
  }

  /** The changes between two schemas whose imports are all built in. */
  public static List<SchemaChange> compare(SchemaDefinition before, SchemaDefinition after) {
    return compare(SchemaView.of(before), SchemaView.of(after));
  }

  /** True when any change is breaking. */
  public static boolean hasBreakingChanges(List<SchemaChange> changes) {
    return changes.stream().anyMatch(SchemaChange::breaking);
  }

  private void run() {
    SchemaDefinition a = before.schema();
    SchemaDefinition b = after.schema();
    if (!Objects.equals(a.id(), b.id())) {
      add("schema", "Schema id changed from " + a.id() + " to " + b.id(), true, Kind.CHANGED, Element.SCHEMA);
    }
    if (!Objects.equals(a.version(), b.version())) {
      add("schema", "Schema version changed from " + show(a.version()) + " to " + show(b.version()), false,
          Kind.CHANGED, Element.SCHEMA);
    }
    compareTypes();
    compareEnums();
    compareClasses();
  }

  private void compareTypes() {
    before.types().forEach((name, old) -> {
      TypeDefinition now = after.types().get(name);
      if (now == null) {
        add(name, "Type " + name + " removed", true, Kind.REMOVED, Element.TYPE);
        return;
      }
      if (!Objects.equals(old.typeof(), now.typeof()) || !Objects.equals(old.base(), now.base())) {
        String from = old.typeof() != null ? old.typeof() : show(old.base());
        String to = now.typeof() != null ? now.typeof() : show(now.base());
        String oldRoot = before.typeRoot(name);
        String newRoot = after.typeRoot(name);
        boolean widened = WIDER.getOrDefault(oldRoot, Set.of()).contains(newRoot)
            || oldRoot.equals(newRoot) && old.typeof() != null && now.typeof() != null
            && before.typeAncestors(old.typeof()).contains(now.typeof());
        add(name, "Type " + name + " now derives from " + to + " instead of " + from, !widened,
            Kind.CHANGED, Element.TYPE);
      }
      compareConstraints(name, "Type " + name, old.pattern(), now.pattern(), old.minimumValue(), now.minimumValue(),
          old.maximumValue(), now.maximumValue(), Element.TYPE);
    });
    after.types().keySet().stream().filter(name -> !before.types().containsKey(name))
        .forEach(name -> add(name, "Type " + name + " added", false, Kind.ADDED, Element.TYPE));
  }

  private void compareEnums() {
    before.enums().forEach((name, old) -> {
      EnumDefinition now = after.enums().get(name);
      if (now == null) {
        add(name, "Enum " + name + " removed", true, Kind.REMOVED, Element.ENUM);
        return;
      }
      old.permissibleValues().forEach((text, value) -> {
        PermissibleValue current = now.permissibleValues().get(text);
        String element = name + "." + text;
        if (current == null) {
          add(element, "Value '" + text + "' removed from enum " + name, true, Kind.REMOVED,
              Element.PERMISSIBLE_VALUE);
        } else if (!Objects.equals(value.meaning(), current.meaning())) {
          add(element, "Meaning of " + name + " value '" + text + "' changed from " + show(value.meaning()) + " to "
              + show(current.meaning()), false, Kind.CHANGED, Element.PERMISSIBLE_VALUE);
        }
      });
      now.permissibleValues().keySet().stream().filter(text -> !old.permissibleValues().containsKey(text))
          .forEach(text -> add(name + "." + text, "Value '" + text + "' added to enum " + name, false, Kind.ADDED,
              Element.PERMISSIBLE_VALUE));
    });
    after.enums().keySet().stream().filter(name -> !before.enums().containsKey(name))
        .forEach(name -> add(name, "Enum " + name + " added", false, Kind.ADDED, Element.ENUM));
  }

  private void compareClasses() {
    before.classes().forEach((name, old) -> {
      ClassDefinition now = after.classes().get(name);
      if (now == null) {
        add(name, "Class " + name + " removed", true, Kind.REMOVED, Element.CLASS);
      } else {
        compareClass(name, old, now);
      }
    });
    after.classes().keySet().stream().filter(name -> !before.classes().containsKey(name))
        .forEach(name -> add(name, "Class " + name + " added", false, Kind.ADDED, Element.CLASS));
  }

  private void compareClass(String name, ClassDefinition old, ClassDefinition now) {
    if (old.abstractClass() != now.abstractClass()) {
      add(name, now.abstractClass() ? "Class " + name + " is now abstract (it can no longer be instantiated)"
          : "Class " + name + " is no longer abstract", now.abstractClass(), Kind.CHANGED, Element.CLASS);
    }
    if (!Objects.equals(old.isA(), now.isA())) {
      boolean dropped = old.isA() != null && !after.classAncestors(name).contains(old.isA());
      add(name, "Parent of " + name + " changed from " + show(old.isA()) + " to " + show(now.isA()), dropped,
          Kind.CHANGED, Element.CLASS);
    }
    old.mixins().stream().filter(m -> !now.mixins().contains(m)).forEach(m ->
        add(name, "Mixin " + m + " removed from " + name, !after.classAncestors(name).contains(m), Kind.CHANGED,
            Element.CLASS));
    now.mixins().stream().filter(m -> !old.mixins().contains(m)).forEach(m ->
        add(name, "Mixin " + m + " added to " + name, false, Kind.CHANGED, Element.CLASS));
    Optional<String> oldId = before.identifierSlot(name).map(SlotDefinition::name);
    Optional<String> newId = after.identifierSlot(name).map(SlotDefinition::name);
    if (!oldId.equals(newId)) {
      add(name, "Identifier of " + name + " changed from " + oldId.orElse("none") + " to " + newId.orElse("none"),
          true, Kind.CHANGED, Element.CLASS);
    }
    if (!Objects.equals(old.description(), now.description())) {
      add(name, "Description of " + name + " changed", false, Kind.CHANGED, Element.CLASS);
    }
    List<String> newSlots = after.classSlotNames(name);
    for (SlotDefinition oldSlot : before.inducedSlots(name)) {
      String element = name + "." + oldSlot.name();
      if (!newSlots.contains(oldSlot.name())) {
        add(element, "Slot " + oldSlot.name() + " removed from " + name, true, Kind.REMOVED, Element.SLOT);
      } else {
        compareSlot(element, oldSlot, after.inducedSlot(name, oldSlot.name()).orElseThrow());
      }
    }
    List<String> oldSlots = before.classSlotNames(name);
    for (SlotDefinition newSlot : after.inducedSlots(name)) {
      if (!oldSlots.contains(newSlot.name())) {
        boolean required = newSlot.isRequired();
        add(name + "." + newSlot.name(), "Slot " + newSlot.name() + " added to " + name
            + (required ? " as required (existing data has no value for it)" : ""), required, Kind.ADDED,
            Element.SLOT);
      }
    }
  }

  private void compareSlot(String element, SlotDefinition old, SlotDefinition now) {
    if (!Objects.equals(old.range(), now.range())) {
      RangeChange change = compareRanges(old.range(), now.range());
      String how = change == null ? "changed" : change == RangeChange.WIDENED ? "widened" : "narrowed";
      add(element, "Range of " + element + " " + how + " from " + old.range() + " to " + now.range(),
          change != RangeChange.WIDENED, Kind.CHANGED, Element.SLOT);
    }
    if (old.isRequired() != now.isRequired()) {
      add(element, element + (now.isRequired() ? " is now required" : " is no longer required"), now.isRequired(),
          Kind.CHANGED, Element.SLOT);
    }
    if (old.isMultivalued() != now.isMultivalued()) {
      add(element, element + (now.isMultivalued() ? " is now multivalued" : " is now single-valued"), true,
          Kind.CHANGED, Element.SLOT);
    }
    boolean oldInlined = before.isInlined(old);
    boolean newInlined = after.isInlined(now);
    if (oldInlined != newInlined) {
      add(element, element + (newInlined ? " is now inlined (nested objects instead of references)"
          : " now holds references instead of nested objects"), true, Kind.CHANGED, Element.SLOT);
    } else if (newInlined && Boolean.TRUE.equals(old.inlinedAsList()) != Boolean.TRUE.equals(now.inlinedAsList())) {
      add(element, element + (Boolean.TRUE.equals(now.inlinedAsList()) ? " is now inlined as a list"
          : " is no longer inlined as a list"), true, Kind.CHANGED, Element.SLOT);
    }
    compareConstraints(element, element, old.pattern(), now.pattern(), old.minimumValue(), now.minimumValue(),
        old.maximumValue(), now.maximumValue(), Element.SLOT);
    if (!Objects.equals(old.slotUri(), now.slotUri())) {
      add(element, "URI of " + element + " changed from " + show(old.slotUri()) + " to " + show(now.slotUri()),
          false, Kind.CHANGED, Element.SLOT);
    }
    if (!Objects.equals(old.description(), now.description())) {
      add(element, "Description of " + element + " changed", false, Kind.CHANGED, Element.SLOT);
    }
    if (!old.aliases().equals(now.aliases())) {
      add(element, "Aliases of " + element + " changed to " + now.aliases(), false, Kind.CHANGED, Element.SLOT);
    }
  }

  private void compareConstraints(String element, String label, String oldPattern, String newPattern,
      BigDecimal oldMin, BigDecimal newMin, BigDecimal oldMax, BigDecimal newMax, Element kind) {
    if (!Objects.equals(oldPattern, newPattern)) {
      if (newPattern == null) {
        add(element, label + " pattern " + oldPattern + " removed", false, Kind.CHANGED, kind);
      } else if (oldPattern == null) {
        add(element, label + " must now match " + newPattern, true, Kind.CHANGED, kind);
      } else {
        add(element, label + " pattern changed from " + oldPattern + " to " + newPattern, true, Kind.CHANGED, kind);
      }
    }
    if (!sameNumber(oldMin, newMin)) {
      boolean stricter = newMin != null && (oldMin == null || newMin.compareTo(oldMin) > 0);
      add(element, label + " minimum " + bound(oldMin, newMin, stricter ? "raised" : "lowered"), stricter,
          Kind.CHANGED, kind);
    }
    if (!sameNumber(oldMax, newMax)) {
      boolean stricter = newMax != null && (oldMax == null || newMax.compareTo(oldMax) < 0);
      add(element, label + " maximum " + bound(oldMax, newMax, stricter ? "lowered" : "raised"), stricter,
          Kind.CHANGED, kind);
    }
  }

  private static String bound(BigDecimal old, BigDecimal now, String verb) {
    if (old == null) {
      return now.toPlainString() + " added";
    }
    if (now == null) {
      return old.toPlainString() + " removed";
    }
    return verb + " from " + old.toPlainString() + " to " + now.toPlainString();
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private enum RangeChange {
    WIDENED, NARROWED
  }

  /** Whether every value of {@code from} is a value of {@code to} (widened), the reverse (narrowed), or neither. */
  private RangeChange compareRanges(String from, String to) {
    RangeKind fromKind = kind(from);
    RangeKind toKind = kind(to);
    if (fromKind == RangeKind.CLASS && toKind == RangeKind.CLASS) {
      if (after.isClass(from) && after.classAncestors(from).contains(to)) {
        return RangeChange.WIDENED;
      }
      if (after.isClass(to) && after.classAncestors(to).contains(from)) {
        return RangeChange.NARROWED;
      }
      return null;
    }
    if (fromKind == RangeKind.ENUM && toKind == RangeKind.ENUM) {
      Set<String> oldValues = enumValues(from);
      Set<String> newValues = enumValues(to);
      if (newValues.containsAll(oldValues)) {
        return RangeChange.WIDENED;
      }
      return oldValues.containsAll(newValues) ? RangeChange.NARROWED : null;
    }
    if (fromKind == RangeKind.ENUM && toKind == RangeKind.TYPE) {
      return isPlainString(to) ? RangeChange.WIDENED : null;
    }
    if (fromKind == RangeKind.TYPE && toKind == RangeKind.ENUM) {
      return rootOf(from).equals("string") ? RangeChange.NARROWED : null;
    }
    if (fromKind == RangeKind.TYPE && toKind == RangeKind.TYPE) {
      if (after.typeAncestors(from).contains(to) || before.typeAncestors(from).contains(to)) {
        return RangeChange.WIDENED;
      }
      if (after.typeAncestors(to).contains(from)) {
        return RangeChange.NARROWED;
      }
      String fromRoot = rootOf(from);
      String toRoot = rootOf(to);
      if (WIDER.getOrDefault(fromRoot, Set.of()).contains(toRoot) && isUnconstrained(to)) {
        return RangeChange.WIDENED;
      }
      if (WIDER.getOrDefault(toRoot, Set.of()).contains(fromRoot)) {
        return RangeChange.NARROWED;
      }
    }
    return null;
  }

  private RangeKind kind(String range) {
    RangeKind kind = after.rangeKind(range);
    return kind == RangeKind.UNKNOWN ? before.rangeKind(range) : kind;
  }

  private Set<String> enumValues(String name) {
    return after.enumDefinition(name).or(() -> before.enumDefinition(name))
        .map(e -> e.permissibleValues().keySet()).orElse(Set.of());
  }

  private String rootOf(String type) {
    return after.isType(type) ? after.typeRoot(type) : before.typeRoot(type);
  }

  private boolean isPlainString(String type) {
    return rootOf(type).equals("string") && isUnconstrained(type);
  }

  private boolean isUnconstrained(String type) {
    SchemaView view = after.isType(type) ? after : before;
    return view.typePattern(type).isEmpty() && view.typeMinimum(type).isEmpty() && view.typeMaximum(type).isEmpty();
  }

  private static String show(String value) {
    return value == null ? "none" : value;
  }

  private void add(String name, String summary, boolean breaking, Kind kind, Element element) {
    changes.add(new SchemaChange(name, summary, breaking, kind, element));
  }
}
