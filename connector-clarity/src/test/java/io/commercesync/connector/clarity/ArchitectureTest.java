package io.commercesync.connector.clarity;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The house rules for this connector (STYLE.md): the public API never mentions an internal, Jackson,
 * JAXB or OkHttp type; no Utils/Helper classes; the connector knows no other connector and no testkit.
 */
class ArchitectureTest {

  private static final JavaClasses CLARITY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.commercesync.connector.clarity");

  private static final String[] FORBIDDEN_IN_API = {
    "com.fasterxml.jackson.", "jakarta.xml.bind.", "okhttp3.", "okio.", "dev.failsafe.", "org.mapstruct."
  };

  static boolean forbidden(JavaClass type) {
    String name = type.getName();
    if (name.contains(".internal.")) {
      return true;
    }
    for (String prefix : FORBIDDEN_IN_API) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static final ArchCondition<JavaCodeUnit> EXPOSE_ONLY_PUBLIC_TYPES =
      new ArchCondition<>("mention only public API types in their signature") {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
          unit.getReturnType().getAllInvolvedRawTypes().stream().filter(ArchitectureTest::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit,
                  unit.getFullName() + " returns " + t.getName())));
          unit.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes().stream()
              .filter(ArchitectureTest::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit,
                  unit.getFullName() + " takes " + t.getName()))));
          unit.getThrowsClause().getTypes().stream().filter(ArchitectureTest::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit,
                  unit.getFullName() + " throws " + t.getName())));
        }
      };

  @Test
  void publicApi_mentionsNoInternalOrThirdPartyType() {
    codeUnits()
        .that().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
        .and().arePublic()
        .should(EXPOSE_ONLY_PUBLIC_TYPES)
        .allowEmptyShould(true)
        .check(CLARITY);
  }

  @Test
  void noUtilsOrHelperDumpingGrounds() {
    noClasses().should().haveSimpleNameEndingWith("Utils")
        .orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Helpers")
        .check(CLARITY);
  }

  @Test
  void connector_dependsOnNoOtherConnectorAndNoTestkit() {
    noClasses().should().dependOnClassesThat()
        .resideInAnyPackage("io.commercesync.connector.magento..", "io.commercesync.connector.dynamicsgp..",
            "io.commercesync.connector.dynamicssl..", "io.commercesync.testkit..")
        .check(CLARITY);
  }
}
