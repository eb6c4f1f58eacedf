package org.openforge.ontology.linkml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Structural validation of the root schema of a {@link SchemaView} (names resolve across its imports). Errors: unknown
 * range, type, slot, parent or mixin; cycles in {@code is_a}/{@code mixins}/{@code typeof}; more than one identifier in
 * a class after inheritance; {@code slot_usage} for a slot the class does not have; a pattern that is not a valid
 * regular expression; {@code minimum_value > maximum_value}; an enum without values; an unknown prefix in a CURIE;
 * {@code tree_root} on more than one class; an enum or type named like a class (or a type like an enum). Warning: a class range whose class has no identifier, used without
 * {@code inlined}, so it cannot be a reference.
 */
public final class SchemaValidator {

  private static final Set<String> URI_SCHEMES = Set.of("http", "https", "urn", "mailto", "file", "ftp", "tag");

  private final SchemaView view;
  private final SchemaDefinition schema;
  private final List<ValidationIssue> issues = new ArrayList<>();
  private final Set<String> reported = new HashSet<>();

  private SchemaValidator(SchemaView view) {
    this.view = view;
    this.schema = view.schema();
  }

  /** Every issue of the view's root schema, errors and warnings, in document order. */
  public static List<ValidationIssue> validate(SchemaView view) {
    SchemaValidator validator = new SchemaValidator(view);
    validator.run();
    return List.copyOf(validator.issues);
  }

  /** Every issue of a schema whose imports are all built in. */
  public static List<ValidationIssue> validate(SchemaDefinition schema) {
    return validate(SchemaView.of(schema));
  }

  /** Only the errors among the issues. */
  public static List<ValidationIssue> errors(List<ValidationIssue> issues) {
    return issues.stream().filter(ValidationIssue::isError).toList();
  }

  private void run() {
    if (schema.defaultRange() != null && view.rangeKind(schema.defaultRange()) == RangeKind.UNKNOWN) {
      error("default_range", "default range '" + schema.defaultRange() + "' is not a class, enum or type");
    }
    if (schema.defaultPrefix() != null && !schema.defaultPrefix().contains("://")
        && !isKnownPrefix(schema.defaultPrefix())) {
      error("default_prefix", "default prefix '" + schema.defaultPrefix() + "' is not declared under prefixes");
    }
    schema.types().values().forEach(this::checkType);
    schema.enums().values().forEach(this::checkEnum);
    schema.slots().forEach((name, slot) -> checkSlot("slots." + name, slot));
    schema.classes().values().forEach(this::checkClass);
    checkTreeRoots();
    checkNameClashes();
  }

  /** A class, enum and type sharing a name make a range ambiguous ({@link SchemaView#rangeKind} picks the class). */
  private void checkNameClashes() {
    schema.enums().keySet().stream().filter(view::isClass).forEach(name ->
        error("enums." + name, "enum " + name + " has the name of a class; a range " + name + " means the class"));
    schema.types().keySet().stream().filter(name -> view.isClass(name) || view.isEnum(name)).forEach(name ->
        error("types." + name, "type " + name + " has the name of a " + (view.isClass(name) ? "class" : "enum")
            + "; a range " + name + " does not mean the type"));
  }

  private void checkType(TypeDefinition type) {
    String path = "types." + type.name();
    if (type.typeof() != null) {
      if (!view.isType(type.typeof())) {
        error(path + ".typeof", "type '" + type.typeof() + "' is not defined");
      } else if (typeCycle(type.name())) {
        error(path + ".typeof", "typeof cycle through " + type.name());
      }
    }
    checkPattern(path + ".pattern", type.pattern());
    checkBounds(path, type.minimumValue(), type.maximumValue());
    checkCurie(path + ".uri", type.uri());
  }

  private boolean typeCycle(String name) {
    Set<String> seen = new HashSet<>();
    String current = view.types().containsKey(name) ? view.types().get(name).typeof() : null;
    while (current != null && seen.add(current)) {
      if (current.equals(name)) {
        return true;
      }
      TypeDefinition def = view.types().get(current);
      current = def == null ? null : def.typeof();
    }
    return false;
  }

  private void checkEnum(EnumDefinition enumeration) {
    String path = "enums." + enumeration.name();
    if (enumeration.permissibleValues().isEmpty() && !enumeration.isDynamic()) {
      error(path + ".permissible_values", "enum " + enumeration.name() + " has no permissible values");
    }
    checkCurie(path + ".enum_uri", enumeration.enumUri());
    enumeration.permissibleValues().forEach((text, value) ->
        checkCurie(path + ".permissible_values." + text + ".meaning", value.meaning()));
  }

  /** Checks one slot definition as written: a top-level slot, an attribute, or a slot_usage entry. */
  private void checkSlot(String path, SlotDefinition slot) {
    if (slot.range() != null && view.rangeKind(slot.range()) == RangeKind.UNKNOWN) {
      error(path + ".range", "range '" + slot.range() + "' is not a class, enum or type");
    }
    if (slot.isA() != null) {
      if (slot.isA().equals(slot.name()) && view.slots().get(slot.name()) == slot) {
        error(path + ".is_a", "slot " + slot.name() + " is its own parent");
      } else if (!view.slots().containsKey(slot.isA())) {
        error(path + ".is_a", "parent slot '" + slot.isA() + "' is not defined");
      } else if (view.slotAncestors(view.slots().get(slot.isA())).contains(slot.name())
          && view.slots().get(slot.name()) == slot) {
        error(path + ".is_a", "is_a cycle through slot " + slot.name());
      }
    }
    for (int i = 0; i < slot.mixins().size(); i++) {
      if (!view.slots().containsKey(slot.mixins().get(i))) {
        error(path + ".mixins[" + i + "]", "mixin slot '" + slot.mixins().get(i) + "' is not defined");
      }
    }
    checkPattern(path + ".pattern", slot.pattern());
    checkBounds(path, slot.minimumValue(), slot.maximumValue());
    checkCurie(path + ".slot_uri", slot.slotUri());
  }

  private void checkClass(ClassDefinition c) {
    String path = "classes." + c.name();
    if (c.isA() != null && !view.isClass(c.isA())) {
      error(path + ".is_a", "parent class '" + c.isA() + "' is not defined");
    }
    for (int i = 0; i < c.mixins().size(); i++) {
      if (!view.isClass(c.mixins().get(i))) {
        error(path + ".mixins[" + i + "]", "mixin class '" + c.mixins().get(i) + "' is not defined");
      }
    }
    checkClassCycle(c, path);
    checkCurie(path + ".class_uri", c.classUri());
    Set<String> ownAndInheritedAttributes = new HashSet<>(c.attributes().keySet());
    view.classAncestors(c.name()).forEach(a ->
        view.classDefinition(a).ifPresent(def -> ownAndInheritedAttributes.addAll(def.attributes().keySet())));
    for (int i = 0; i < c.slots().size(); i++) {
      String slot = c.slots().get(i);
      if (!view.slots().containsKey(slot) && !ownAndInheritedAttributes.contains(slot)) {
        error(path + ".slots[" + i + "]", "slot '" + slot + "' is not defined");
      }
    }
    c.attributes().forEach((name, slot) -> checkSlot(path + ".attributes." + name, slot));
    List<String> classSlots = view.classSlotNames(c.name());
    c.slotUsage().forEach((name, usage) -> {
      if (!classSlots.contains(name)) {
        error(path + ".slot_usage." + name, "class " + c.name() + " has no slot '" + name + "' to refine");
      } else {
        checkSlot(path + ".slot_usage." + name, usage);
      }
    });
    List<SlotDefinition> induced = view.inducedSlots(c.name());
    List<String> identifiers = induced.stream().filter(s -> s.isIdentifier() || s.isKey()).map(SlotDefinition::name)
        .toList();
    if (identifiers.size() > 1) {
      error(path, "class " + c.name() + " has " + identifiers.size() + " identifier/key slots "
          + String.join(", ", identifiers) + " (at most one is allowed)");
    }
    for (SlotDefinition slot : induced) {
      checkReference(c, slot);
    }
  }

  private void checkClassCycle(ClassDefinition c, String path) {
    if (c.isA() != null && view.isClass(c.isA()) && reaches(c.isA(), c.name())) {
      error(path + ".is_a", "is_a/mixins cycle: " + c.name() + " is its own ancestor through " + c.isA());
      return;
    }
    for (int i = 0; i < c.mixins().size(); i++) {
      String mixin = c.mixins().get(i);
      if (view.isClass(mixin) && reaches(mixin, c.name())) {
        error(path + ".mixins[" + i + "]", "is_a/mixins cycle: " + c.name() + " is its own ancestor through " + mixin);
        return;
      }
    }
  }

  private boolean reaches(String from, String target) {
    return from.equals(target) || view.classAncestors(from).contains(target);
  }

  /** Warns when a class range has no identifier and the slot does not say it is inlined. */
  private void checkReference(ClassDefinition c, SlotDefinition slot) {
    if (!view.isClass(slot.range()) || Boolean.TRUE.equals(slot.inlined())
        || Boolean.TRUE.equals(slot.inlinedAsList()) || view.identifierSlot(slot.range()).isPresent()) {
      return;
    }
    Optional<String> path = rangeSource(c, slot.name());
    if (path.isEmpty()) {
      return;
    }
    warning(path.get(), "range " + slot.range() + " has no identifier, so " + slot.name()
        + " cannot refer to it and its values will be inlined: add inlined: true, or an identifier to "
        + slot.range());
  }

  /** The path of the root-schema definition that gives this class's slot its range, if the root schema gives it. */
  private Optional<String> rangeSource(ClassDefinition c, String slotName) {
    List<String> order = new ArrayList<>();
    order.add(c.name());
    order.addAll(view.classAncestors(c.name()));
    for (String cls : order) {
      ClassDefinition def = schema.classes().get(cls);
      if (def != null && def.slotUsage().containsKey(slotName) && def.slotUsage().get(slotName).range() != null) {
        return Optional.of("classes." + cls + ".slot_usage." + slotName + ".range");
      }
    }
    for (String cls : order) {
      ClassDefinition def = view.classes().get(cls);
      if (def != null && def.attributes().containsKey(slotName)) {
        boolean own = schema.classes().get(cls) == def && def.attributes().get(slotName).range() != null;
        return own ? Optional.of("classes." + cls + ".attributes." + slotName + ".range") : Optional.empty();
      }
    }
    SlotDefinition top = schema.slots().get(slotName);
    if (top != null && top == view.slots().get(slotName) && top.range() != null) {
      return Optional.of("slots." + slotName + ".range");
    }
    return Optional.empty();
  }

  private void checkTreeRoots() {
    String first = null;
    for (ClassDefinition c : view.classes().values()) {
      if (!c.treeRootClass()) {
        continue;
      }
      if (first == null) {
        first = c.name();
      } else if (schema.classes().get(c.name()) == c) {
        error("classes." + c.name() + ".tree_root", "tree_root is already set on class " + first
            + " (only one class may be the tree root)");
      }
    }
  }

  private void checkPattern(String path, String pattern) {
    if (pattern == null) {
      return;
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      error(path, "pattern " + pattern + " is not a valid regular expression: " + e.getDescription());
    }
  }

  private void checkBounds(String path, BigDecimal minimum, BigDecimal maximum) {
    if (minimum != null && maximum != null && minimum.compareTo(maximum) > 0) {
      error(path + ".minimum_value", "minimum_value " + minimum.toPlainString() + " is greater than maximum_value "
          + maximum.toPlainString());
    }
  }

  private void checkCurie(String path, String value) {
    if (value == null || value.contains("://")) {
      return;
    }
    int colon = value.indexOf(':');
    if (colon <= 0) {
      return;
    }
    String prefix = value.substring(0, colon);
    if (URI_SCHEMES.contains(prefix.toLowerCase()) || isKnownPrefix(prefix)) {
      return;
    }
    error(path, "prefix '" + prefix + "' of " + value + " is not declared under prefixes");
  }

  private boolean isKnownPrefix(String prefix) {
    return view.prefixes().containsKey(prefix) || BuiltinTypes.PREFIXES.containsKey(prefix);
  }

  private void error(String path, String message) {
    add(ValidationIssue.error(path, message));
  }

  private void warning(String path, String message) {
    add(ValidationIssue.warning(path, message));
  }

  private void add(ValidationIssue issue) {
    if (reported.add(issue.severity() + " " + issue.path())) {
      issues.add(issue);
    }
  }
}
