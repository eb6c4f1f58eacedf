package org.openforge.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The direction of dependencies between the top-level packages (DESIGN §3), from the plumbing up to the
 * orchestration: system → process → security → engagement → datasource, ontology → approval → agent → product →
 * lifecycle. A package may use the ones below it, never one above; news that must travel up is a Spring event.
 */
@AnalyzeClasses(packages = "org.openforge", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

  @ArchTest
  static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("org.openforge.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule dependenciesRunOneWay = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .withOptionalLayers(true)
      .layer("system").definedBy("org.openforge.system..")
      .layer("process").definedBy("org.openforge.process..")
      .layer("security").definedBy("org.openforge.security..")
      .layer("engagement").definedBy("org.openforge.engagement..")
      .layer("datasource").definedBy("org.openforge.datasource..")
      .layer("ontology").definedBy("org.openforge.ontology..")
      .layer("approval").definedBy("org.openforge.approval..")
      .layer("agent").definedBy("org.openforge.agent..")
      .layer("product").definedBy("org.openforge.product..")
      .layer("lifecycle").definedBy("org.openforge.lifecycle..")
      .layer("application").definedBy("org.openforge")
      .whereLayer("application").mayNotBeAccessedByAnyLayer()
      .whereLayer("lifecycle").mayOnlyBeAccessedByLayers("application")
      .whereLayer("product").mayOnlyBeAccessedByLayers("lifecycle", "application")
      .whereLayer("agent").mayOnlyBeAccessedByLayers("product", "lifecycle", "application")
      .whereLayer("approval").mayOnlyBeAccessedByLayers("agent", "product", "lifecycle", "application")
      .whereLayer("ontology").mayOnlyBeAccessedByLayers("approval", "agent", "product", "lifecycle", "application")
      .whereLayer("datasource").mayOnlyBeAccessedByLayers("ontology", "approval", "agent", "product", "lifecycle",
          "application")
      .whereLayer("engagement").mayOnlyBeAccessedByLayers("datasource", "ontology", "approval", "agent", "product",
          "lifecycle", "application")
      .whereLayer("security").mayOnlyBeAccessedByLayers("engagement", "datasource", "ontology", "approval", "agent",
          "product", "lifecycle", "application")
      .whereLayer("process").mayOnlyBeAccessedByLayers("security", "engagement", "datasource", "ontology",
          "approval", "agent", "product", "lifecycle", "application");

  /** Two top-level classes of one name are either the same thing (merge them) or deserve names that tell them apart. */
  @ArchTest
  static final ArchRule topLevelClassNamesAreUnique = classes().that().areTopLevelClasses()
      .and().doNotHaveSimpleName("package-info")
      .should(new ArchCondition<JavaClass>("have a simple name no other top-level class of org.openforge has") {
        private Map<String, List<String>> byName = Map.of();

        @Override
        public void init(Collection<JavaClass> all) {
          byName = all.stream().collect(Collectors.groupingBy(JavaClass::getSimpleName,
              Collectors.mapping(JavaClass::getName, Collectors.toList())));
        }

        @Override
        public void check(JavaClass type, ConditionEvents events) {
          List<String> named = byName.getOrDefault(type.getSimpleName(), List.of(type.getName()));
          events.add(new SimpleConditionEvent(type, named.size() <= 1,
              type.getName() + " shares its simple name with " + named));
        }
      });
}
