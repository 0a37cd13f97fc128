package io.commercesync.connector.magento.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.commercesync.connector.magento.SourceItem;
import io.commercesync.connector.magento.Samples;
import io.commercesync.connector.magento.internal.dto.CustomerAddressDto;
import io.commercesync.connector.magento.internal.dto.CustomerDto;
import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.codec.JsonNaming;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.InventoryLevel;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.StockUpdate;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomerMapperTest {

  static final JsonCodec JSON = JsonCodec.builder(SystemId.MAGENTO).naming(JsonNaming.SNAKE_CASE).build();

  @Test
  void sampleCustomer_toCanonical_andBack() {
    CustomerDto dto = JSON.read(Samples.bytes("customer.json"), CustomerDto.class, "customer");
    Customer c = CustomerMapper.INSTANCE.toCustomer(dto);
    assertThat(c.ref(SystemId.MAGENTO)).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo("318"));
    assertThat(c.email()).isEqualTo("marisol.okafor@example.com");
    assertThat(c.group()).isEqualTo("1");
    assertThat(c.defaultBilling()).hasValueSatisfying(a -> {
      assertThat(a.key()).isEqualTo("977");
      assertThat(a.address().lines()).containsExactly("418 Larkspur Lane", "Apt 3B");
      assertThat(a.address().regionCode()).isEqualTo("TX");
    });
    assertThat(c.defaultShipping()).hasValueSatisfying(a -> assertThat(a.address().company())
        .isEqualTo("Okafor Design Studio"));
    assertThat(c.phone()).isEqualTo("512-555-0147");
    assertThat(c.createdAt()).isEqualTo(Instant.parse("2024-11-02T18:07:44Z"));

    CustomerDto back = CustomerMapper.INSTANCE.toDto(c, 1);
    assertThat(back.id()).isEqualTo(318L);
    assertThat(back.groupId()).isEqualTo(1);
    assertThat(back.websiteId()).isEqualTo(1);
    assertThat(back.addresses()).extracting(CustomerAddressDto::id).containsExactly(977L, 978L);
    assertThat(back.addresses().get(0).defaultBilling()).isTrue();
    assertThat(back.addresses().get(0).defaultShipping()).isNull();
    assertThat(back.addresses().get(1).region().regionCode()).isEqualTo("TX");
    assertThat(back.addresses().get(1).street()).containsExactly("9600 Research Blvd", "Building 2, Suite 140");
    assertThat(CustomerMapper.INSTANCE.toDto(c.toBuilder().group("Wholesale").build(), 1).groupId())
        .as("a group name is not a Magento group id").isNull();
  }

  @Test
  void stock_toSourceItems() {
    assertThat(StockMapper.INSTANCE.toSourceItem(new StockUpdate("CS-MUG", "wh_reno", new BigDecimal("4"), true)))
        .isEqualTo(new SourceItem("CS-MUG", "wh_reno", new BigDecimal("4"), true));
    InventoryLevel oversold = InventoryLevel.builder().sku("CS-MUG").location("AUSTIN").onHand(new BigDecimal("3"))
        .allocated(new BigDecimal("5")).asOf(Instant.EPOCH).build();
    assertThat(StockMapper.INSTANCE.toSourceItem(oversold, "wh_austin"))
        .isEqualTo(new SourceItem("CS-MUG", "wh_austin", BigDecimal.ZERO, false));
  }
}
