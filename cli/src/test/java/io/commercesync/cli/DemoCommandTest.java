package io.commercesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code commercesync demo}: zero configuration, every pair, an audit from the simulators' state. */
class DemoCommandTest {

  static final Pattern FINAL = Pattern.compile(
      "demo: pairs=4 orders=(\\d+) synced=(\\d+) duplicates=(\\d+) lost=(\\d+) dead-lettered=(\\d+)");

  @TempDir
  Path dir;

  @Test
  void demo_smallRun_endsWithTheAuditLine_andLeavesAStoreOperatorsCanInspect() {
    MapCommandTest.Run run = MapCommandTest.run("demo", "--orders", "12", "--seed", "3", "--store", dir.toString());

    assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCode.OK);
    String[] lines = run.out().strip().split("\n");
    Matcher last = FINAL.matcher(lines[lines.length - 1]);
    assertThat(last.matches()).as(lines[lines.length - 1]).isTrue();
    assertThat(last.group(1)).isEqualTo("12");
    assertThat(Integer.parseInt(last.group(2))).isPositive();
    assertThat(last.group(3)).isEqualTo("0");
    assertThat(last.group(4)).isEqualTo("0");
    // every phase reported, for every pair
    assertThat(run.out()).contains("orders-to-erp:magento>dynamics-gp", "orders-to-erp:magento>dynamics-sl",
        "orders-to-erp:clarity>dynamics-gp", "orders-to-erp:clarity>dynamics-sl", "fulfillment:dynamics-sl>clarity",
        "invoices:dynamics-gp>magento", "returns-to-erp:magento>dynamics-gp", "catalog:dynamics-gp>magento",
        "inventory:dynamics-sl>clarity", "prices:dynamics-sl>clarity");
    // refunds, money-only ones included, are in both ERPs, each once
    Matcher returns = Pattern.compile("returns: the shops refunded (\\d+) times; GP returns \\(SOPTYPE 4\\)=(\\d+)"
        + " \\+ RM credit memos=(\\d+), SL credit memo orders=(\\d+) \\+ AR credit memos=(\\d+); not in GP=0,"
        + " not in SL=0, entered twice=0").matcher(run.out());
    assertThat(returns.find()).as(run.out()).isTrue();
    assertThat(Integer.parseInt(returns.group(3))).as("GP RM credit memos").isPositive();
    assertThat(Integer.parseInt(returns.group(5))).as("SL AR credit memos").isPositive();
    int refunds = Integer.parseInt(returns.group(1));
    assertThat(Integer.parseInt(returns.group(2)) + Integer.parseInt(returns.group(3))).isEqualTo(refunds);
    assertThat(Integer.parseInt(returns.group(4)) + Integer.parseInt(returns.group(5))).isEqualTo(refunds);
    // the invalid orders were dead-lettered, and an operator finds them in the store
    assertThat(Integer.parseInt(last.group(5))).isPositive();
    MapCommandTest.Run dlq = MapCommandTest.run("dlq", "list", "--store", dir.toString(), "--flow",
        "orders-to-erp:magento>dynamics-gp");
    assertThat(dlq.out()).contains("no ERP item is mapped for this sku");
    MapCommandTest.Run runs = MapCommandTest.run("runs", "--store", dir.toString(), "--pipeline",
        "orders-to-erp:magento>dynamics-gp");
    assertThat(runs.out()).contains("orders-to-erp:magento>dynamics-gp COMPLETED");
  }

  @Test
  void demo_badOptions_areInvalidInput() {
    assertThat(MapCommandTest.run("demo", "--orders", "1").exit()).isEqualTo(ExitCode.INVALID_INPUT);
    MapCommandTest.Run faults = MapCommandTest.run("demo", "--faults", "1.5");
    assertThat(faults.exit()).isEqualTo(ExitCode.INVALID_INPUT);
    assertThat(faults.err()).contains("--faults must be in [0, 1)");
  }
}
