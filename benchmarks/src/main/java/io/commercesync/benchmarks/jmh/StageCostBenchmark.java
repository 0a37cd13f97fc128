package io.commercesync.benchmarks.jmh;

import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.resilience.Resilience;
import io.commercesync.core.resilience.SystemPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Stage cost with no I/O: parse + map alone, against parse + map + validate + the policy stack. Goal:
 * the full stack ≤ 2.0 × parse + map.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StageCostBenchmark {

  /** A storefront order line as the wire sends it. */
  public record WireLine(String sku, String name, double qtyOrdered, java.math.BigDecimal price, String sourceCode) {}

  /** A storefront order as the wire sends it. */
  public record WireOrder(String incrementId, String customerEmail, List<WireLine> items, java.math.BigDecimal grandTotal) {}

  /** What an ERP sink takes. */
  public record ErpLine(String itemNumber, String site, java.math.BigDecimal quantity, java.math.BigDecimal price) {}

  public record ErpOrder(String customerPo, String customerEmail, List<ErpLine> lines, java.math.BigDecimal total) {}

  private static final SystemId SYSTEM = SystemId.of("stage");
  private final JsonCodec json = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();
  private byte[] payload;
  private Resilience resilience;

  @Setup(Level.Trial)
  public void setUp() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      items.append(i > 0 ? "," : "").append("{\"sku\":\"CS-TEE-HBR-M-").append(i)
          .append("\",\"name\":\"Harbor Crew Tee\",\"qty_ordered\":2,\"price\":28.00,\"source_code\":\"default\"}");
    }
    payload = ("{\"increment_id\":\"000001043\",\"customer_email\":\"devin@example.net\",\"items\":[" + items
        + "],\"grand_total\":280.00}").getBytes(StandardCharsets.UTF_8);
    resilience = Resilience.builder()
        .policy(SystemPolicy.builder(SYSTEM).requestsPerSecond(1_000_000).maxConcurrentCalls(64).build()).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    resilience.close();
  }

  private ErpOrder parseAndMap() {
    WireOrder order = json.read(payload, WireOrder.class, "order");
    List<ErpLine> lines = new ArrayList<>(order.items().size());
    for (WireLine l : order.items()) {
      lines.add(new ErpLine(l.sku(), "MAIN", java.math.BigDecimal.valueOf(l.qtyOrdered()), l.price()));
    }
    return new ErpOrder(order.incrementId(), order.customerEmail(), lines, order.grandTotal());
  }

  private static List<FieldViolation> validate(ErpOrder o) {
    List<FieldViolation> out = new ArrayList<>();
    if (o.customerPo().length() > 20) {
      out.add(FieldViolation.tooLong("CSTPONBR", o.customerPo(), 20));
    }
    for (int i = 0; i < o.lines().size(); i++) {
      ErpLine l = o.lines().get(i);
      if (l.itemNumber().length() > 30) {
        out.add(FieldViolation.tooLong("lines[" + i + "].ITEMNMBR", l.itemNumber(), 30));
      }
      if (l.quantity().signum() <= 0) {
        out.add(FieldViolation.of("lines[" + i + "].QUANTITY", FieldViolation.RULE_RANGE, l.quantity(), "must be > 0"));
      }
    }
    return out;
  }

  @Benchmark
  public ErpOrder parseMap() {
    return parseAndMap();
  }

  @Benchmark
  public ErpOrder parseMapValidatePolicies() {
    ErpOrder mapped = parseAndMap();
    if (!validate(mapped).isEmpty()) {
      throw new IllegalStateException("invalid");
    }
    return resilience.call(SYSTEM, () -> mapped);
  }
}
