package io.commercesync.connector.dynamicsgp;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.commercesync.core.architecture.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * The house rules for this connector (STYLE.md), from the shared {@link ArchitectureRules}: public
 * signatures mention no internal or third-party wire type; no Utils/Helper classes; no dependency on
 * another connector or on the testkit; wire DTOs stay internal.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN = ArchitectureRules.importMain("io.commercesync.connector.dynamicsgp");

  @Test
  void publicApi_mentionsNoInternalOrThirdPartyType() {
    ArchitectureRules.publicApiMentionsOnlyPublicTypes("marshal", "unmarshal").check(MAIN);
  }

  @Test
  void noUtilsOrHelperDumpingGrounds() {
    ArchitectureRules.noUtilsOrHelpers().check(MAIN);
  }

  @Test
  void dependsOnNoOtherConnector_norTheTestkit() {
    ArchitectureRules.connectorIsolated("io.commercesync.connector.dynamicsgp").check(MAIN);
  }

  @Test
  void wireDtos_stayInternal() {
    ArchitectureRules.dtosStayInternal().check(MAIN);
  }
}
