package io.commercesync.core;

import io.commercesync.core.architecture.ArchitectureRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import org.junit.jupiter.api.Test;

/**
 * The rules of the house that the compiler cannot check (STYLE.md): the public API never mentions an
 * internal, Jackson, JAXB or OkHttp type; no Utils/Helper dumping grounds; the model depends on nothing
 * but the error types.
 */
class ArchitectureTest {

  private static final JavaClasses CORE = ArchitectureRules.importMain("io.commercesync.core");

  @Test
  void publicApi_mentionsNoInternalOrThirdPartyType() {
    ArchitectureRules.publicApiMentionsOnlyPublicTypes().check(CORE);
  }

  @Test
  void noUtilsOrHelperDumpingGrounds() {
    ArchitectureRules.noUtilsOrHelpers().check(CORE);
  }

  @Test
  void core_dependsOnNoConnectorAndNoTestkit() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.commercesync.connector..",
        "io.commercesync.testkit..").check(CORE);
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
