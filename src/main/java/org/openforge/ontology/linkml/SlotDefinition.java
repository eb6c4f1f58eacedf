package org.openforge.ontology.linkml;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A LinkML slot: a top-level slot, a class attribute or a {@code slot_usage} refinement. Every property is nullable so
 * that "not said" differs from "said false"; {@link SchemaView#inducedSlot} gives the resolved slot of a class. Keys
 * this model does not know are kept verbatim in {@code extensions}.
 */
public record SlotDefinition(String name, String description, String isA, List<String> mixins, String range,
    Boolean identifier, Boolean key, Boolean required, Boolean multivalued, Boolean inlined, Boolean inlinedAsList,
    String pattern, BigDecimal minimumValue, BigDecimal maximumValue, String slotUri, List<String> aliases,
    Map<String, Object> extensions) {

  public SlotDefinition {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a slot needs a name");
    }
    mixins = Maps.list(mixins);
    aliases = Maps.list(aliases);
    minimumValue = Maps.number(minimumValue);
    maximumValue = Maps.number(maximumValue);
    extensions = Maps.ordered(extensions);
  }

  /** A new builder for a slot of this name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A builder holding this slot's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name);
    b.description = description;
    b.isA = isA;
    b.mixins = mixins;
    b.range = range;
    b.identifier = identifier;
    b.key = key;
    b.required = required;
    b.multivalued = multivalued;
    b.inlined = inlined;
    b.inlinedAsList = inlinedAsList;
    b.pattern = pattern;
    b.minimumValue = minimumValue;
    b.maximumValue = maximumValue;
    b.slotUri = slotUri;
    b.aliases = aliases;
    b.extensions = new LinkedHashMap<>(extensions);
    return b;
  }

  /** {@code identifier: true}. */
  public boolean isIdentifier() {
    return Boolean.TRUE.equals(identifier);
  }

  /** {@code key: true}. */
  public boolean isKey() {
    return Boolean.TRUE.equals(key);
  }

  /** {@code required: true} (identifiers are required too). */
  public boolean isRequired() {
    return Boolean.TRUE.equals(required) || isIdentifier() || isKey();
  }

  /** {@code multivalued: true}. */
  public boolean isMultivalued() {
    return Boolean.TRUE.equals(multivalued);
  }

  /** This slot with every property that {@code refinement} sets taking precedence (how slot_usage applies). */
  public SlotDefinition overlaidWith(SlotDefinition refinement) {
    Builder b = toBuilder();
    if (refinement.description != null) b.description = refinement.description;
    if (refinement.isA != null) b.isA = refinement.isA;
    if (!refinement.mixins.isEmpty()) b.mixins = refinement.mixins;
    if (refinement.range != null) b.range = refinement.range;
    if (refinement.identifier != null) b.identifier = refinement.identifier;
    if (refinement.key != null) b.key = refinement.key;
    if (refinement.required != null) b.required = refinement.required;
    if (refinement.multivalued != null) b.multivalued = refinement.multivalued;
    if (refinement.inlined != null) b.inlined = refinement.inlined;
    if (refinement.inlinedAsList != null) b.inlinedAsList = refinement.inlinedAsList;
    if (refinement.pattern != null) b.pattern = refinement.pattern;
    if (refinement.minimumValue != null) b.minimumValue = refinement.minimumValue;
    if (refinement.maximumValue != null) b.maximumValue = refinement.maximumValue;
    if (refinement.slotUri != null) b.slotUri = refinement.slotUri;
    if (!refinement.aliases.isEmpty()) b.aliases = refinement.aliases;
    b.extensions.putAll(refinement.extensions);
    return b.build();
  }

  /** This slot with the value constraints it leaves unset taken from {@code parent} (slot {@code is_a}/mixins). */
  SlotDefinition inheritingFrom(SlotDefinition parent) {
    Builder b = toBuilder();
    if (b.range == null) b.range = parent.range;
    if (b.identifier == null) b.identifier = parent.identifier;
    if (b.key == null) b.key = parent.key;
    if (b.required == null) b.required = parent.required;
    if (b.multivalued == null) b.multivalued = parent.multivalued;
    if (b.inlined == null) b.inlined = parent.inlined;
    if (b.inlinedAsList == null) b.inlinedAsList = parent.inlinedAsList;
    if (b.pattern == null) b.pattern = parent.pattern;
    if (b.minimumValue == null) b.minimumValue = parent.minimumValue;
    if (b.maximumValue == null) b.maximumValue = parent.maximumValue;
    return b.build();
  }

  /** Mutable builder for {@link SlotDefinition}. */
  public static final class Builder {
    private final String name;
    private String description;
    private String isA;
    private List<String> mixins = List.of();
    private String range;
    private Boolean identifier;
    private Boolean key;
    private Boolean required;
    private Boolean multivalued;
    private Boolean inlined;
    private Boolean inlinedAsList;
    private String pattern;
    private BigDecimal minimumValue;
    private BigDecimal maximumValue;
    private String slotUri;
    private List<String> aliases = List.of();
    private Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder description(String value) { description = value; return this; }
    public Builder isA(String value) { isA = value; return this; }
    public Builder mixins(List<String> value) { mixins = value == null ? List.of() : value; return this; }
    public Builder range(String value) { range = value; return this; }
    public Builder identifier(Boolean value) { identifier = value; return this; }
    public Builder key(Boolean value) { key = value; return this; }
    public Builder required(Boolean value) { required = value; return this; }
    public Builder multivalued(Boolean value) { multivalued = value; return this; }
    public Builder inlined(Boolean value) { inlined = value; return this; }
    public Builder inlinedAsList(Boolean value) { inlinedAsList = value; return this; }
    public Builder pattern(String value) { pattern = value; return this; }
    public Builder minimumValue(BigDecimal value) { minimumValue = value; return this; }
    public Builder maximumValue(BigDecimal value) { maximumValue = value; return this; }
    public Builder slotUri(String value) { slotUri = value; return this; }
    public Builder aliases(List<String> value) { aliases = value == null ? List.of() : value; return this; }
    public Builder extension(String k, Object v) { extensions.put(k, v); return this; }
    public Builder extensions(Map<String, Object> value) {
      extensions = new LinkedHashMap<>(value == null ? Map.of() : value);
      return this;
    }

    public SlotDefinition build() {
      return new SlotDefinition(name, description, isA, mixins, range, identifier, key, required, multivalued, inlined,
          inlinedAsList, pattern, minimumValue, maximumValue, slotUri, aliases, extensions);
    }
  }
}
