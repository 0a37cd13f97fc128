package io.commercesync.connector.dynamicsgp;

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
 * The house rules for the GP connector (STYLE.md): public signatures mention no internal, Jackson, JAXB,
 * OkHttp or driver type; no Utils/Helper classes; the connector never depends on the testkit.
 */
class ArchitectureTest {

  private static final JavaClasses GP = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.commercesync.connector.dynamicsgp");

  private static final String[] FORBIDDEN_IN_API = {
    "com.fasterxml.jackson.", "jakarta.xml.bind.", "okhttp3.", "dev.failsafe.", "org.sqlite.", "com.microsoft.sqlserver.",
    "com.ctc.wstx.", "org.mapstruct.", "com.sun.net.httpserver."
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
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " returns " + t.getName())));
          unit.getParameterTypes().forEach(p -> p.getAllInvolvedRawTypes().stream().filter(ArchitectureTest::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " takes " + t.getName()))));
          unit.getThrowsClause().getTypes().stream().filter(ArchitectureTest::forbidden)
              .forEach(t -> events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " throws " + t.getName())));
        }
      };

  @Test
  void publicApi_mentionsNoInternalOrThirdPartyType() {
    codeUnits()
        .that().areDeclaredInClassesThat().arePublic()
        .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
        .and().arePublic()
        .and().doNotHaveName("marshal").and().doNotHaveName("unmarshal")
        .should(EXPOSE_ONLY_PUBLIC_TYPES)
        .check(GP);
  }

  @Test
  void noUtilsOrHelperDumpingGrounds() {
    noClasses().should().haveSimpleNameEndingWith("Utils").orShould().haveSimpleNameEndingWith("Helper").check(GP);
  }

  @Test
  void theConnectorNeverUsesTheSimulator() {
    noClasses().should().dependOnClassesThat().resideInAPackage("io.commercesync.testkit..").check(GP);
  }
}
