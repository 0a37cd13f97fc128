package io.commercesync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.testkit.demo.DemoWorld;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each example, run as an application would run it against real systems (everything from environment
 * variables), here pointed at the simulators: every flow completes and every valid order of the storefront
 * is in the ERP exactly once, the invalid ones nowhere.
 */
class ExamplesTest {

  enum Example {
    MAGENTO_TO_GP(DemoWorld.Storefront.MAGENTO, DemoWorld.Erp.GP, MagentoToGp::run),
    MAGENTO_TO_SL(DemoWorld.Storefront.MAGENTO, DemoWorld.Erp.SL, MagentoToSl::run),
    CLARITY_TO_GP(DemoWorld.Storefront.CLARITY, DemoWorld.Erp.GP, ClarityToGp::run),
    CLARITY_TO_SL(DemoWorld.Storefront.CLARITY, DemoWorld.Erp.SL, ClarityToSl::run);

    final DemoWorld.Storefront storefront;
    final DemoWorld.Erp erp;
    final BiFunction<Map<String, String>, Path, List<RunReport>> run;

    Example(DemoWorld.Storefront storefront, DemoWorld.Erp erp, BiFunction<Map<String, String>, Path, List<RunReport>> run) {
      this.storefront = storefront;
      this.erp = erp;
      this.run = run;
    }
  }

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(Example.class)
  void example_runsAgainstTheSimulators_everyValidOrderOnceInTheErp(Example example) {
    try (DemoWorld world = DemoWorld.builder().seed(11).orders(24).start()) {
      Map<String, String> env = world.environment(dir);

      List<RunReport> reports = example.run.apply(env, dir.resolve("store.db"));

      assertThat(reports).isNotEmpty().allSatisfy(r -> assertThat(r.state()).as(r.summary()).isEqualTo(RunState.COMPLETED));
      assertThat(reports).anySatisfy(r -> assertThat(r.pipeline()).startsWith("orders-to-erp"));
      DemoWorld.Audit audit = world.audit();
      List<DemoWorld.DemoOrder> orders = world.orders(example.storefront);
      assertThat(orders.stream().filter(DemoWorld.DemoOrder::expectedInErp)).isNotEmpty()
          .allSatisfy(o -> assertThat(audit.copies(example.erp, o.number())).as(o.number()).isEqualTo(1));
      assertThat(orders.stream().filter(DemoWorld.DemoOrder::mustNeverReachErp)).isNotEmpty()
          .allSatisfy(o -> assertThat(audit.copies(example.erp, o.number())).as(o.number()).isZero());
    }
  }

  /** The examples are what integrators copy: public API only, the testkit only to start the simulators. */
  @ParameterizedTest
  @EnumSource(Example.class)
  void example_importsPublicApiOnly(Example example) throws java.io.IOException {
    String name = switch (example) {
      case MAGENTO_TO_GP -> "MagentoToGp";
      case MAGENTO_TO_SL -> "MagentoToSl";
      case CLARITY_TO_GP -> "ClarityToGp";
      case CLARITY_TO_SL -> "ClarityToSl";
    };
    List<String> imports = java.nio.file.Files.readAllLines(
            Path.of("src", "main", "java", "io", "commercesync", "examples", name + ".java")).stream()
        .filter(l -> l.startsWith("import ")).toList();
    assertThat(imports).isNotEmpty().noneMatch(l -> l.contains(".internal."));
    assertThat(imports).filteredOn(l -> l.contains("io.commercesync.testkit"))
        .containsExactly("import io.commercesync.testkit.demo.DemoWorld;");
    assertThat(java.nio.file.Files.readAllLines(
        Path.of("src", "main", "java", "io", "commercesync", "examples", name + ".java"))).hasSizeLessThan(140);
  }
}
