package io.commercesync.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house that the compiler cannot check (STYLE.md): the public API never mentions an
 * internal, Jackson, JAXB or OkHttp type; no Utils/Helper dumping grounds; the model depends on nothing
 * but the error types.
 */
class ArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.commercesync.core");

  private static final String[] FORBIDDEN_IN_API = {
    "com.fasterxml.jackson.", "jakarta.xml.bind.", "okhttp3.", "dev.failsafe.", "org.sqlite.", "org.postgresql."
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
        .check(CORE);
  }

  @Test
  void noUtilsOrHelperDumpingGrounds() {
    noClasses().should().haveSimpleNameEndingWith("Utils")
        .orShould().haveSimpleNameEndingWith("Helper")
        .orShould().haveSimpleNameEndingWith("Helpers")
        .check(CORE);
  }

  @Test
  void model_dependsOnlyOnErrorsAndTheJdk() {
    classes().that().resideInAPackage("io.commercesync.core.model")
        .should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "io.commercesync.core.model..", "io.commercesync.core.error..",
            "io.commercesync.core.security..", "com.fasterxml.jackson.annotation..")
        .check(CORE);
  }

  @Test
  void exceptions_areUncheckedAndRootedInCommerceSyncException() {
    classes().that().resideInAPackage("io.commercesync.core.error")
        .and().areAssignableTo(Throwable.class)
        .should().beAssignableTo(io.commercesync.core.error.CommerceSyncException.class)
        .check(CORE);
  }

  @Test
  void recordsInTheModel_areFinalValueTypes() {
    classes().that().resideInAPackage("io.commercesync.core.model").and().areRecords()
        .should().haveModifier(JavaModifier.FINAL)
        .check(CORE);
  }
}
