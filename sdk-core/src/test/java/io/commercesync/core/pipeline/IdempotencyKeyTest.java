package io.commercesync.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.core.model.SystemId;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Keys of an effect and of the steps that belong to it. */
class IdempotencyKeyTest {

  @Test
  void step_appendsTheStepToTheKey() {
    IdempotencyKey receipt = IdempotencyKey.of(SystemId.MAGENTO, "payment", "000001043/7", "erp-cash-receipt:dynamics-gp");
    assertThat(receipt.step("apply").value()).isEqualTo("magento/payment/000001043/7/erp-cash-receipt:dynamics-gp/apply");
  }

  @Property(tries = 200)
  void step_isDeterministic_fitsTheLimit_andKeepsStepsApart(
      @ForAll @AlphaChars @StringLength(min = 1, max = IdempotencyKey.MAX_LENGTH) String value) {
    IdempotencyKey key = new IdempotencyKey(value);
    IdempotencyKey apply = key.step("apply");
    assertThat(apply.value()).hasSizeLessThanOrEqualTo(IdempotencyKey.MAX_LENGTH).endsWith("/apply");
    assertThat(apply).isEqualTo(key.step("apply"));
    assertThat(apply).isNotEqualTo(key.step("fee"));
    if (value.length() + "/apply".length() > IdempotencyKey.MAX_LENGTH) {
      assertThat(apply.value()).startsWith("sha256:").hasSize("sha256:".length() + 64 + "/apply".length());
    } else {
      assertThat(apply.value()).isEqualTo(value + "/apply");
    }
  }
}
