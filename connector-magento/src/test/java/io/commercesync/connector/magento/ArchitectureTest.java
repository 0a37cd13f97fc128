package io.commercesync.connector.magento;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
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
 * The house rules for this connector (STYLE.md): public signatures mention no internal, Jackson, JAXB,
 * OkHttp or Failsafe type; no Utils/Helper classes; the connector depends on no other connector and not on
 * the testkit.
 */
class ArchitectureTest {

  private static final JavaClasses MAGENTO = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.commercesync.connector.magento");

  private static final String[] FORBIDDEN = {
    "com.fasterxml.jackson.", "jakarta.xml.bind.", "okhttp3.", "okio.", "dev.failsafe.", "org.mapstruct."
  };

  static boolean forbidden(JavaClass type) {
    String name = type.getName();
    if (name.contains(".internal.")) {
      return true;
    }
    for (String prefix : FORBIDDEN) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static final ArchCondition<JavaCodeUnit> PUBLIC_TYPES_ONLY =
      new ArchCondition<>("mention only public API types in their signature") {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
          unit.getReturnType().getAllInvolvedRawTypes().stream().filter(ArchitectureTest::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " returns " + t.getName())));
          unit.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes().stream().filter(ArchitectureTest::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " takes " + t.getName()))));
          unit.getThrowsClause().getTypes().stream().filter(ArchitectureTest::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " throws " + t.getName())));
        }
      };

  @Test
  void publicApi_mentionsNoInternalOrThirdPartyType() {
    codeUnits().that().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
        .and().arePublic()
        .should(PUBLIC_TYPES_ONLY)
        .check(MAGENTO);
  }

  @Test
  void noUtilsOrHelperDumpingGrounds() {
    noClasses().should().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Helpers").check(MAGENTO);
  }

  @Test
  void dependsOnNoOtherConnector_norTheTestkit() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage(
        "io.commercesync.connector.clarity..", "io.commercesync.connector.dynamicsgp..",
        "io.commercesync.connector.dynamicssl..", "io.commercesync.testkit..").check(MAGENTO);
  }

  @Test
  void wireDtos_stayInInternalDto() {
    classes().that().haveSimpleNameEndingWith("Dto").should().resideInAPackage("..internal.dto..").check(MAGENTO);
  }
}
