package io.commercesync.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;

/**
 * The house rules of STYLE.md as ArchUnit rules, in one place for every module (shipped in sdk-core's
 * test jar): the public API never mentions an {@code internal}, Jackson, JAXB, OkHttp, Okio, Failsafe or
 * MapStruct type; no {@code *Utils}/{@code *Helper} dumping grounds; a connector depends on no other
 * connector and never on the testkit.
 *
 * <pre>{@code
 * JavaClasses main = ArchitectureRules.importMain("io.commercesync.connector.magento");
 * ArchitectureRules.publicApiMentionsOnlyPublicTypes().check(main);
 * }</pre>
 */
public final class ArchitectureRules {

  /** Package prefixes no public signature may mention. */
  public static final List<String> FORBIDDEN_IN_API = List.of(
      "com.fasterxml.jackson.", "jakarta.xml.bind.", "okhttp3.", "okio.", "dev.failsafe.", "org.mapstruct.",
      "org.sqlite.", "org.postgresql.", "com.ctc.wstx.");

  /** The connectors' root packages. */
  public static final List<String> CONNECTORS = List.of(
      "io.commercesync.connector.magento", "io.commercesync.connector.clarity",
      "io.commercesync.connector.dynamicsgp", "io.commercesync.connector.dynamicssl");

  private ArchitectureRules() {}

  /** The main (non-test) classes of {@code packages}. */
  public static JavaClasses importMain(String... packages) {
    return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(packages);
  }

  static boolean forbidden(JavaClass type) {
    String name = type.getName();
    return name.contains(".internal.") || FORBIDDEN_IN_API.stream().anyMatch(name::startsWith);
  }

  private static final ArchCondition<JavaCodeUnit> PUBLIC_TYPES_ONLY =
      new ArchCondition<>("mention only public API types in their signature") {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
          unit.getReturnType().getAllInvolvedRawTypes().stream().filter(ArchitectureRules::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " returns " + t.getName())));
          unit.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes().stream().filter(ArchitectureRules::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " takes " + t.getName()))));
          unit.getThrowsClause().getTypes().stream().filter(ArchitectureRules::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " throws " + t.getName())));
        }
      };

  /**
   * Public members of public, non-internal classes mention only public API types. {@code exempt} names
   * methods a framework forces into the public API (JAXB's {@code XmlAdapter.marshal}/{@code unmarshal}).
   */
  public static ArchRule publicApiMentionsOnlyPublicTypes(String... exempt) {
    var rule = codeUnits().that().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
        .and().arePublic();
    for (String name : exempt) {
      rule = rule.and().doNotHaveName(name);
    }
    return rule.should(PUBLIC_TYPES_ONLY).allowEmptyShould(true);
  }

  /** No class named *Utils, *Helper or *Helpers. */
  public static ArchRule noUtilsOrHelpers() {
    return noClasses().should().haveSimpleNameEndingWith("Utils")
        .orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Helpers");
  }

  /** The connector under {@code ownPackage} depends on no other connector and never on the testkit. */
  public static ArchRule connectorIsolated(String ownPackage) {
    String[] others = CONNECTORS.stream().filter(p -> !p.equals(ownPackage)).map(p -> p + "..")
        .toArray(String[]::new);
    String[] forbidden = Arrays.copyOf(others, others.length + 1);
    forbidden[others.length] = "io.commercesync.testkit..";
    return noClasses().should().dependOnClassesThat().resideInAnyPackage(forbidden);
  }

  /** Wire DTOs (classes named *Dto) live in an {@code internal.dto} package. */
  public static ArchRule dtosStayInternal() {
    return classes().that().haveSimpleNameEndingWith("Dto").should().resideInAPackage("..internal.dto..")
        .allowEmptyShould(true);
  }
}
