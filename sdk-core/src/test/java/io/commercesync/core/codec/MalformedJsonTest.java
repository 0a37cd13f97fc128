package io.commercesync.core.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Order;
import io.commercesync.core.model.SystemId;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken payloads: each must end as an {@link InvalidRecordException} with a path, never
 * as another exception type and never as an out-of-memory error.
 */
class MalformedJsonTest {

  record Line(String sku, BigDecimal qtyOrdered) {}

  record MagentoLikeOrder(String incrementId, List<Line> items) {}

  private final JsonCodec magento =
      JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  private static byte[] sample() throws IOException {
    try (InputStream in = MalformedJsonTest.class.getResourceAsStream("/canonical-order.json")) {
      return in.readAllBytes();
    }
  }

  private static InvalidRecordException canonicalFailure(byte[] json) {
    Throwable thrown = catchThrowable(() -> CanonicalJson.read(json, Order.class));
    assertThat(thrown).isInstanceOf(InvalidRecordException.class);
    return (InvalidRecordException) thrown;
  }

  private InvalidRecordException magentoFailure(byte[] json) {
    Throwable thrown = catchThrowable(() -> magento.read(json, MagentoLikeOrder.class, "order"));
    assertThat(thrown).isInstanceOf(InvalidRecordException.class);
    return (InvalidRecordException) thrown;
  }

  @Test
  void truncatedJson_isASyntaxViolationWithItsPosition() throws IOException {
    byte[] full = sample();
    for (int cut : new int[] {1, 10, full.length / 3, full.length / 2, full.length - 2}) {
      InvalidRecordException e = canonicalFailure(Arrays.copyOf(full, cut));
      assertThat(e.violations()).singleElement()
          .satisfies(v -> {
            assertThat(v.rule()).isEqualTo(FieldViolation.RULE_SYNTAX);
            assertThat(v.message()).contains("line");
          });
      assertThat(e.recordSystem()).isEqualTo(SystemId.CANONICAL);
    }
  }

  @Test
  void wrongTypes_nameTheFieldPath() {
    InvalidRecordException e = magentoFailure(
        "{\"increment_id\":\"000000123\",\"items\":[{\"sku\":\"A\",\"qty_ordered\":1},{\"sku\":\"B\",\"qty_ordered\":\"two\"}]}"
            .getBytes(StandardCharsets.UTF_8));
    assertThat(e.getMessage()).isEqualTo("magento order: items[1].qty_ordered: must be a number (was two)");
    InvalidRecordException notArray = magentoFailure("{\"items\":{\"sku\":\"A\"}}".getBytes(StandardCharsets.UTF_8));
    assertThat(notArray.violations().get(0).path()).isEqualTo("items");
  }

  @Test
  void hugeNumbers_areRefused() {
    String longNumber = "1" + "0".repeat(5000);
    InvalidRecordException e = magentoFailure(
        ("{\"items\":[{\"sku\":\"A\",\"qty_ordered\":" + longNumber + "}]}").getBytes(StandardCharsets.UTF_8));
    assertThat(e.violations().get(0).rule()).isEqualTo(FieldViolation.RULE_LIMIT);
    // a short literal with a huge exponent parses, but a canonical amount refuses it without expanding it
    InvalidRecordException money = catchThrowableOfType(
        () -> CanonicalJson.read("{\"amount\":1e999999999,\"currency\":\"USD\"}".getBytes(StandardCharsets.UTF_8),
            io.commercesync.core.model.Money.class));
    assertThat(money.getMessage()).contains("amount: must have at most 15 integer digits").doesNotContain("0000000000");
  }

  @Test
  void deepNesting_isRefusedBeforeTheStackOverflows() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    InvalidRecordException e = canonicalFailure(deep.getBytes(StandardCharsets.UTF_8));
    assertThat(e.violations().get(0).rule()).isEqualTo(FieldViolation.RULE_LIMIT);
    assertThat(e.violations().get(0).message()).contains("nesting");
    // inside a property no field takes, the parser still has to skip it: the limit applies there too
    InvalidRecordException wire = magentoFailure(
        ("{\"gift\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8));
    assertThat(wire.violations().get(0).rule()).isEqualTo(FieldViolation.RULE_LIMIT);
    // where a typed field expects an object, the type mismatch is found first, at its path
    InvalidRecordException typed = magentoFailure(
        ("{\"items\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8));
    assertThat(typed.violations().get(0).path()).isEqualTo("items[0]");
  }

  @Test
  void twentyMegabyteString_isRefused_andNotEchoed() {
    byte[] json = new byte[20 * 1024 * 1024 + 64];
    byte[] head = "{\"increment_id\":\"".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, json, 0, head.length);
    Arrays.fill(json, head.length, json.length - 2, (byte) 'x');
    json[json.length - 2] = '"';
    json[json.length - 1] = '}';
    InvalidRecordException e = magentoFailure(json);
    assertThat(e.violations().get(0).rule()).isEqualTo(FieldViolation.RULE_LIMIT);
    assertThat(e.getMessage()).hasSizeLessThan(400);
    InvalidRecordException canonical = canonicalFailure(json);
    assertThat(canonical.violations().get(0).rule()).isEqualTo(FieldViolation.RULE_LIMIT);
  }

  @Test
  void invalidUtf8_isASyntaxViolation() {
    byte[] json = "{\"increment_id\":\"abc\u00e9\"}".getBytes(StandardCharsets.UTF_8);
    byte[] broken = Arrays.copyOf(json, json.length);
    broken[broken.length - 3] = (byte) 0xC3; // lead byte followed by '"', not a continuation byte
    broken[broken.length - 4] = (byte) 0xFF; // never valid in UTF-8
    InvalidRecordException e = magentoFailure(broken);
    assertThat(e.violations().get(0).rule()).isEqualTo(FieldViolation.RULE_SYNTAX);
    assertThat(e.violations().get(0).message()).containsIgnoringCase("UTF-8");
    assertThat(canonicalFailure(broken).violations().get(0).rule()).isEqualTo(FieldViolation.RULE_SYNTAX);
  }

  @Test
  void emptyBody_duplicateKeys_andTrailingGarbage_areRefused() {
    assertThat(magentoFailure(new byte[0]).violations().get(0).rule()).isEqualTo(FieldViolation.RULE_SYNTAX);
    assertThat(magentoFailure("{\"increment_id\":\"1\",\"increment_id\":\"2\"}".getBytes(StandardCharsets.UTF_8))
        .getMessage()).contains("Duplicate field 'increment_id'");
    assertThat(magentoFailure("{\"increment_id\":\"1\"} trailing".getBytes(StandardCharsets.UTF_8))
        .violations().get(0).rule()).isEqualTo(FieldViolation.RULE_SYNTAX);
    assertThat(canonicalFailure("null".getBytes(StandardCharsets.UTF_8)).getMessage())
        .contains("must be a JSON object");
    assertThat(canonicalFailure("[1,2]".getBytes(StandardCharsets.UTF_8)).getMessage())
        .contains("must be a JSON object");
  }

  @Test
  void randomBytes_neverEscapeAsAnotherExceptionType() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 2_000; i++) {
      byte[] noise = new byte[random.nextInt(64)];
      random.nextBytes(noise);
      Throwable t = catchThrowable(() -> CanonicalJson.read(noise, Order.class));
      assertThat(t).isInstanceOf(InvalidRecordException.class);
      Throwable w = catchThrowable(() -> magento.read(noise, MagentoLikeOrder.class, "order"));
      assertThat(w).isInstanceOf(InvalidRecordException.class);
    }
  }

  @Test
  void unknownProperties_areToleratedAndReported() {
    Decoded<MagentoLikeOrder> decoded = magento.readWithUnknown(
        "{\"increment_id\":\"1\",\"gift\":{\"a\":1},\"items\":[{\"sku\":\"A\",\"qty_ordered\":1,\"weee\":2}]}"
            .getBytes(StandardCharsets.UTF_8), MagentoLikeOrder.class, "order");
    assertThat(decoded.value().incrementId()).isEqualTo("1");
    assertThat(decoded.unknownProperties()).containsExactly("gift", "items[0].weee");
  }

  private static InvalidRecordException catchThrowableOfType(org.assertj.core.api.ThrowableAssert.ThrowingCallable c) {
    Throwable t = catchThrowable(c);
    assertThat(t).isInstanceOf(InvalidRecordException.class);
    return (InvalidRecordException) t;
  }
}
