package org.openforge.ontology.linkml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The induced view of a schema and its imports, answering the questions generators and agents ask: which slots a
 * class really has (inherited through {@code is_a} and mixins, with {@code slot_usage} applied), its identifier, what
 * a range names, and class ancestry. Elements of the root schema take precedence over imported ones of the same
 * name. Built-in {@code linkml:types} are always known. All queries are safe on schemas with cycles.
 */
public final class SchemaView {

  private final SchemaDefinition schema;
  private final List<SchemaDefinition> imported;
  private final Map<String, ClassDefinition> classes = new LinkedHashMap<>();
  private final Map<String, SlotDefinition> slots = new LinkedHashMap<>();
  private final Map<String, EnumDefinition> enums = new LinkedHashMap<>();
  private final Map<String, TypeDefinition> types = new LinkedHashMap<>();
  private final Map<String, String> prefixes = new LinkedHashMap<>();

  private SchemaView(SchemaDefinition schema, List<SchemaDefinition> imported) {
    this.schema = schema;
    this.imported = List.copyOf(imported);
    List<SchemaDefinition> all = new ArrayList<>();
    all.add(schema);
    all.addAll(imported);
    for (SchemaDefinition s : all) {
      s.classes().forEach(classes::putIfAbsent);
      s.slots().forEach(slots::putIfAbsent);
      s.enums().forEach(enums::putIfAbsent);
      s.types().forEach(types::putIfAbsent);
      s.prefixes().forEach(prefixes::putIfAbsent);
    }
  }

  /** A view of a schema whose imports are all built-in {@code linkml:} modules. */
  public static SchemaView of(SchemaDefinition schema) {
    return new SchemaView(schema, Imports.closure(schema, null, null));
  }

  /** A view of a schema whose local imports resolve relative to {@code baseDir}. */
  public static SchemaView of(SchemaDefinition schema, Path baseDir) {
    return new SchemaView(schema, Imports.closure(schema, null, baseDir));
  }

  /** Reads a LinkML YAML file and its local imports (relative to the file). */
  public static SchemaView load(Path file) {
    Path absolute = file.toAbsolutePath();
    SchemaDefinition schema = SchemaReader.read(absolute);
    return new SchemaView(schema, Imports.closure(schema, absolute, absolute.getParent()));
  }

  /** Parses LinkML YAML text whose imports are all built in. */
  public static SchemaView parse(String yaml) {
    return of(SchemaReader.parse(yaml));
  }

  /** The root schema as written. */
  public SchemaDefinition schema() {
    return schema;
  }

  /** The schemas imported directly or indirectly from local files (built-in modules excluded). */
  public List<SchemaDefinition> importedSchemas() {
    return imported;
  }

  /** Every class of the schema and its imports, root schema first, in document order. */
  public Map<String, ClassDefinition> classes() {
    return Collections.unmodifiableMap(classes);
  }

  /** Every top-level slot of the schema and its imports (class attributes are not included). */
  public Map<String, SlotDefinition> slots() {
    return Collections.unmodifiableMap(slots);
  }

  /** Every enum of the schema and its imports. */
  public Map<String, EnumDefinition> enums() {
    return Collections.unmodifiableMap(enums);
  }

  /** Every declared type of the schema and its imports (built-in types are not listed; see {@link #isType}). */
  public Map<String, TypeDefinition> types() {
    return Collections.unmodifiableMap(types);
  }

  /** Every prefix declared by the schema and its imports. */
  public Map<String, String> prefixes() {
    return Collections.unmodifiableMap(prefixes);
  }

  /** The class of this name, if any. */
  public Optional<ClassDefinition> classDefinition(String name) {
    return Optional.ofNullable(name == null ? null : classes.get(name));
  }

  /** The enum of this name, if any. */
  public Optional<EnumDefinition> enumDefinition(String name) {
    return Optional.ofNullable(name == null ? null : enums.get(name));
  }

  /** The declared type of this name, or the built-in one, if any. */
  public Optional<TypeDefinition> typeDefinition(String name) {
    if (name == null) {
      return Optional.empty();
    }
    TypeDefinition declared = types.get(name);
    if (declared != null) {
      return Optional.of(declared);
    }
    if (BuiltinTypes.isBuiltin(name)) {
      return Optional.of(new TypeDefinition(name, null, null, null, BuiltinTypes.URIS.get(name), null, null, null,
          null, Map.of()));
    }
    return Optional.empty();
  }

  /** The range used when a slot declares none: the schema's {@code default_range}, else {@code string}. */
  public String defaultRange() {
    if (schema.defaultRange() != null) {
      return schema.defaultRange();
    }
    return imported.stream().map(SchemaDefinition::defaultRange).filter(r -> r != null).findFirst().orElse("string");
  }

  /** True when the name is a class. */
  public boolean isClass(String name) {
    return name != null && classes.containsKey(name);
  }

  /** True when the name is an enum. */
  public boolean isEnum(String name) {
    return name != null && enums.containsKey(name);
  }

  /** True when the name is a declared or built-in type. */
  public boolean isType(String name) {
    return name != null && (types.containsKey(name) || BuiltinTypes.isBuiltin(name));
  }

  /** What a range names (a class wins over an enum, an enum over a type). */
  public RangeKind rangeKind(String range) {
    if (isClass(range)) {
      return RangeKind.CLASS;
    }
    if (isEnum(range)) {
      return RangeKind.ENUM;
    }
    return isType(range) ? RangeKind.TYPE : RangeKind.UNKNOWN;
  }

  /** The known direct parents of a class: {@code is_a} first, then its mixins. */
  public List<String> classParents(String name) {
    ClassDefinition c = classes.get(name);
    if (c == null) {
      return List.of();
    }
    List<String> parents = new ArrayList<>();
    if (isClass(c.isA())) {
      parents.add(c.isA());
    }
    c.mixins().stream().filter(this::isClass).forEach(parents::add);
    return parents;
  }

  /** All ancestors of a class (not itself), depth first: the {@code is_a} parent and its ancestors, then mixins. */
  public List<String> classAncestors(String name) {
    Set<String> result = new LinkedHashSet<>();
    collectAncestors(name, result);
    result.remove(name);
    return List.copyOf(result);
  }

  private void collectAncestors(String name, Set<String> into) {
    for (String parent : classParents(name)) {
      if (into.add(parent)) {
        collectAncestors(parent, into);
      }
    }
  }

  /** All classes that have this class as an ancestor, in document order. */
  public List<String> classDescendants(String name) {
    List<String> result = new ArrayList<>();
    for (String candidate : classes.keySet()) {
      if (!candidate.equals(name) && classAncestors(candidate).contains(name)) {
        result.add(candidate);
      }
    }
    return result;
  }

  /** True when {@code ancestor} is {@code name} or one of its ancestors. */
  public boolean isSelfOrAncestor(String ancestor, String name) {
    return ancestor.equals(name) || classAncestors(name).contains(ancestor);
  }

  /**
   * The names of the slots a class has: inherited ones first (from {@code is_a}, then each mixin), then its own
   * {@code slots}, then its own {@code attributes}; each name once.
   */
  public List<String> classSlotNames(String name) {
    Set<String> result = new LinkedHashSet<>();
    collectSlotNames(name, result, new LinkedHashSet<>());
    return List.copyOf(result);
  }

  private void collectSlotNames(String name, Set<String> into, Set<String> visiting) {
    ClassDefinition c = classes.get(name);
    if (c == null || !visiting.add(name)) {
      return;
    }
    if (c.isA() != null) {
      collectSlotNames(c.isA(), into, visiting);
    }
    c.mixins().forEach(m -> collectSlotNames(m, into, visiting));
    into.addAll(c.slots());
    into.addAll(c.attributes().keySet());
  }

  /** Every slot of a class, resolved as by {@link #inducedSlot}, in the order of {@link #classSlotNames}. */
  public List<SlotDefinition> inducedSlots(String className) {
    List<SlotDefinition> result = new ArrayList<>();
    for (String slotName : classSlotNames(className)) {
      result.add(induce(className, slotName));
    }
    return result;
  }

  /**
   * One slot as a class sees it: the nearest attribute of that name in the class or its ancestors, else the
   * top-level slot; unset properties filled from the slot's own {@code is_a}/mixins; then {@code slot_usage} of the
   * ancestors applied from the most distant to the class itself; a missing range becomes {@link #defaultRange}.
   * Empty when the class does not have the slot.
   */
  public Optional<SlotDefinition> inducedSlot(String className, String slotName) {
    if (!classSlotNames(className).contains(slotName)) {
      return Optional.empty();
    }
    return Optional.of(induce(className, slotName));
  }

  private SlotDefinition induce(String className, String slotName) {
    List<String> order = new ArrayList<>();
    order.add(className);
    order.addAll(classAncestors(className));
    SlotDefinition slot = null;
    for (String c : order) {
      ClassDefinition def = classes.get(c);
      if (def != null && def.attributes().containsKey(slotName)) {
        slot = def.attributes().get(slotName);
        break;
      }
    }
    if (slot == null) {
      slot = slots.getOrDefault(slotName, SlotDefinition.builder(slotName).build());
    }
    for (String ancestor : slotAncestors(slot)) {
      slot = slot.inheritingFrom(slots.get(ancestor));
    }
    for (int i = order.size() - 1; i >= 0; i--) {
      ClassDefinition def = classes.get(order.get(i));
      SlotDefinition usage = def == null ? null : def.slotUsage().get(slotName);
      if (usage != null) {
        slot = slot.overlaidWith(usage);
      }
    }
    if (slot.range() == null) {
      slot = slot.toBuilder().range(defaultRange()).build();
    }
    return slot;
  }

  /** The top-level slots a slot inherits from through {@code is_a} and mixins, nearest first. */
  public List<String> slotAncestors(SlotDefinition slot) {
    Set<String> result = new LinkedHashSet<>();
    collectSlotAncestors(slot, result);
    result.remove(slot.name());
    return List.copyOf(result);
  }

  private void collectSlotAncestors(SlotDefinition slot, Set<String> into) {
    List<String> parents = new ArrayList<>();
    if (slot.isA() != null) {
      parents.add(slot.isA());
    }
    parents.addAll(slot.mixins());
    for (String parent : parents) {
      SlotDefinition def = slots.get(parent);
      if (def != null && into.add(parent)) {
        collectSlotAncestors(def, into);
      }
    }
  }

  /** The slot that identifies instances of a class ({@code identifier: true}, else {@code key: true}), if any. */
  public Optional<SlotDefinition> identifierSlot(String className) {
    List<SlotDefinition> induced = inducedSlots(className);
    return induced.stream().filter(SlotDefinition::isIdentifier).findFirst()
        .or(() -> induced.stream().filter(SlotDefinition::isKey).findFirst());
  }

  /**
   * True when values of this (induced) slot are nested objects rather than references: its range is a class and it
   * says {@code inlined} or {@code inlined_as_list}, or the class has no identifier to refer to it by.
   */
  public boolean isInlined(SlotDefinition slot) {
    if (!isClass(slot.range())) {
      return false;
    }
    if (Boolean.TRUE.equals(slot.inlined()) || Boolean.TRUE.equals(slot.inlinedAsList())) {
      return true;
    }
    return identifierSlot(slot.range()).isEmpty();
  }

  /** A type and the types it derives from through {@code typeof}, nearest first (built-in types included). */
  public List<String> typeAncestors(String type) {
    Set<String> result = new LinkedHashSet<>();
    String current = type;
    while (current != null && isType(current) && result.add(current)) {
      TypeDefinition def = types.get(current);
      current = def == null ? null : def.typeof();
    }
    return List.copyOf(result);
  }

  /**
   * The built-in type a type finally stands for, following {@code typeof} and then {@code base}
   * ({@code string} when neither says).
   */
  public String typeRoot(String type) {
    List<String> chain = typeAncestors(type);
    for (String name : chain) {
      TypeDefinition def = types.get(name);
      if (def == null && BuiltinTypes.isBuiltin(name)) {
        return name;
      }
      if (def != null && def.typeof() == null) {
        Optional<String> fromBase = BuiltinTypes.rootOfBase(def.base());
        if (fromBase.isPresent()) {
          return fromBase.get();
        }
        if (BuiltinTypes.isBuiltin(name)) {
          return name;
        }
      }
    }
    return "string";
  }

  /** The nearest {@code pattern} along a type's {@code typeof} chain. */
  public Optional<String> typePattern(String type) {
    return typeAncestors(type).stream().map(types::get).filter(t -> t != null && t.pattern() != null)
        .map(TypeDefinition::pattern).findFirst();
  }

  /** The nearest {@code minimum_value} along a type's {@code typeof} chain. */
  public Optional<java.math.BigDecimal> typeMinimum(String type) {
    return typeAncestors(type).stream().map(types::get).filter(t -> t != null && t.minimumValue() != null)
        .map(TypeDefinition::minimumValue).findFirst();
  }

  /** The nearest {@code maximum_value} along a type's {@code typeof} chain. */
  public Optional<java.math.BigDecimal> typeMaximum(String type) {
    return typeAncestors(type).stream().map(types::get).filter(t -> t != null && t.maximumValue() != null)
        .map(TypeDefinition::maximumValue).findFirst();
  }
}
