package org.openforge.ontology.linkml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A LinkML class as written: its parent ({@code is_a}), mixins, flags, the names of the top-level slots it uses,
 * its own {@code attributes}, and {@code slot_usage} refinements. {@link SchemaView#inducedSlots} resolves them.
 * Keys this model does not know are kept verbatim in {@code extensions}.
 */
public record ClassDefinition(String name, String description, String isA, List<String> mixins, Boolean isAbstract,
    Boolean mixin, Boolean treeRoot, String classUri, List<String> slots, Map<String, SlotDefinition> attributes,
    Map<String, SlotDefinition> slotUsage, Map<String, Object> extensions) {

  public ClassDefinition {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("a class needs a name");
    }
    mixins = Maps.list(mixins);
    slots = Maps.list(slots);
    attributes = Maps.ordered(attributes);
    slotUsage = Maps.ordered(slotUsage);
    extensions = Maps.ordered(extensions);
  }

  /** A new builder for a class of this name. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** {@code abstract: true}. */
  public boolean abstractClass() {
    return Boolean.TRUE.equals(isAbstract);
  }

  /** {@code mixin: true}. */
  public boolean mixinClass() {
    return Boolean.TRUE.equals(mixin);
  }

  /** {@code tree_root: true}. */
  public boolean treeRootClass() {
    return Boolean.TRUE.equals(treeRoot);
  }

  /** Mutable builder for {@link ClassDefinition}. */
  public static final class Builder {
    private final String name;
    private String description;
    private String isA;
    private List<String> mixins = List.of();
    private Boolean isAbstract;
    private Boolean mixin;
    private Boolean treeRoot;
    private String classUri;
    private List<String> slots = List.of();
    private final Map<String, SlotDefinition> attributes = new LinkedHashMap<>();
    private final Map<String, SlotDefinition> slotUsage = new LinkedHashMap<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = name;
    }

    public Builder description(String value) { description = value; return this; }
    public Builder isA(String value) { isA = value; return this; }
    public Builder mixins(List<String> value) { mixins = value == null ? List.of() : value; return this; }
    public Builder isAbstract(Boolean value) { isAbstract = value; return this; }
    public Builder mixin(Boolean value) { mixin = value; return this; }
    public Builder treeRoot(Boolean value) { treeRoot = value; return this; }
    public Builder classUri(String value) { classUri = value; return this; }
    public Builder slots(List<String> value) { slots = value == null ? List.of() : value; return this; }
    public Builder attribute(SlotDefinition value) { attributes.put(value.name(), value); return this; }
    public Builder slotUsage(SlotDefinition value) { slotUsage.put(value.name(), value); return this; }
    public Builder extension(String k, Object v) { extensions.put(k, v); return this; }

    public ClassDefinition build() {
      return new ClassDefinition(name, description, isA, mixins, isAbstract, mixin, treeRoot, classUri, slots,
          attributes, slotUsage, extensions);
    }
  }
}
