package io.commercesync.it.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.magento.MagentoClient;
import io.commercesync.connector.magento.MagentoStorefront;
import io.commercesync.connector.magento.ProductUpdate;
import io.commercesync.connector.magento.StoreScope;
import io.commercesync.core.flow.FlowMappings;
import io.commercesync.core.flow.FlowOptions;
import io.commercesync.core.flow.Flows;
import io.commercesync.core.pipeline.RunReport;
import io.commercesync.core.pipeline.RunState;
import io.commercesync.core.state.DeadLetterFilter;
import io.commercesync.it.catalog.CatalogRig.ErpKind;
import io.commercesync.it.catalog.CatalogRig.ShopKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RELIABILITY 4 and 12 end to end, for every ERP → storefront pair: a product the marketing team
 * enriched on the storefront (description, short description, images, SEO, a custom attribute, a
 * store-view name) keeps all of it, byte for byte, through catalog, stock and price syncs from the ERP,
 * while the fields the ERP owns (price, weight, status, unit of measure; stock per source) follow the ERP.
 * On Magento, every write lands in the global scope: no store-view override is created and the French
 * store view's values stay as they were.
 */
class EnrichedContentTest {

  static final String SKU = "CS-HARBOR-MUG";
  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> pairs() {
    return Stream.of(Arguments.of(ErpKind.GP, ShopKind.MAGENTO), Arguments.of(ErpKind.GP, ShopKind.CLARITY),
        Arguments.of(ErpKind.SL, ShopKind.MAGENTO), Arguments.of(ErpKind.SL, ShopKind.CLARITY));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("pairs")
  void enrichedContentSurvives_andErpOwnedFieldsFollowTheErp(ErpKind erpKind, ShopKind shopKind) throws Exception {
    try (CatalogRig rig = CatalogRig.start(erpKind, shopKind)) {
      seedEnrichedProduct(rig);
      JsonNode seeded = storefrontView(rig);
      FlowOptions options = rig.options(mappings(rig));

      runAll(rig, options);
      changeInErp(rig);
      runAll(rig, options);

      assertThat(rig.store.deadLetters().list(DeadLetterFilter.OPEN)).isEmpty();
      JsonNode after = storefrontView(rig);
      // everything the storefront owns is exactly as the marketing team left it
      assertThat(JSON.writeValueAsString(storefrontOwned(rig, after)))
          .isEqualTo(JSON.writeValueAsString(storefrontOwned(rig, seeded)));
      // and what the ERP owns follows the ERP
      if (shopKind == ShopKind.MAGENTO) {
        JsonNode global = after.path("global");
        assertThat(global.path("price").decimalValue()).isEqualByComparingTo("27.75");
        assertThat(global.path("status").asInt()).isEqualTo(1);
        assertThat(after.path("overrides").properties()).extracting(e -> e.getKey()).containsExactly("2");
        assertThat(customAttribute(global, "unit_of_measure")).isEqualTo(erpKind == ErpKind.GP ? "EACH" : "EA");
        if (erpKind == ErpKind.GP) {
          assertThat(global.path("weight").decimalValue()).isEqualByComparingTo("2.00");
        }
        // the French store view still shows its own name and description
        JsonNode french = JSON.readTree(rig.magento.productJson(SKU, "fr_ca"));
        assertThat(french.path("name").asText()).isEqualTo("Tasse Harbor, émaillée");
        assertThat(customAttribute(french, "description")).isEqualTo("<p>Émaillée à la main au Maine.</p>");
        assertThat(french.path("price").decimalValue()).isEqualByComparingTo("27.75");
        // stock per source: on hand - allocated
        assertThat(rig.magento.sourceQuantity(SKU, "default")).isEqualByComparingTo(erpKind == ErpKind.GP ? "140" : "138");
        assertThat(rig.magento.sourceQuantity(SKU, "wh_austin")).isEqualByComparingTo(erpKind == ErpKind.GP ? "36" : "31");
      } else {
        assertThat(after.path("price").decimalValue()).isEqualByComparingTo("27.75");
        assertThat(after.path("status").asText()).isEqualTo("active");
        assertThat(after.path("unitOfMeasure").asText()).isEqualTo(erpKind == ErpKind.GP ? "EACH" : "EA");
        assertThat(rig.clarity.stock(SKU, "AUSTIN")).hasValueSatisfying(q ->
            assertThat(q).isEqualByComparingTo(erpKind == ErpKind.GP ? "140" : "138"));
      }
    }
  }

  /** The storefront product as a marketing team would enrich it, through the storefront's own API. */
  static void seedEnrichedProduct(CatalogRig rig) {
    if (rig.shopKind == ShopKind.MAGENTO) {
      MagentoClient client = ((MagentoStorefront) rig.storefront()).client();
      client.products().create(StoreScope.ALL, ProductUpdate.builder(SKU).name("Harbor Mug, glazed")
          .price(new BigDecimal("19.00")).weight(new BigDecimal("0.8")).status(1).visibility(4).typeId("simple")
          .attributeSetId(4)
          .customAttribute("description", "<p>Hand-glazed in Maine. Holds 12 oz.</p>")
          .customAttribute("short_description", "<p>Our best-selling mug.</p>")
          .customAttribute("url_key", "harbor-mug-glazed")
          .customAttribute("meta_title", "Harbor Mug | Hand-glazed")
          .customAttribute("color", "49")
          .mediaGallery(List.of(new ProductUpdate.MediaEntry(null, "image", "Harbor Mug, front", 1, false,
              List.of("image", "small_image", "thumbnail"), "/h/a/harbor-mug-front.jpg")))
          .build());
      // the French store view's own name and description (store-view scope)
      client.products().update(StoreScope.store("fr_ca"), ProductUpdate.builder(SKU).name("Tasse Harbor, émaillée")
          .customAttribute("description", "<p>Émaillée à la main au Maine.</p>").build());
    } else {
      rig.clarity.addProduct("""
          {"sku": "CS-HARBOR-MUG", "name": "Harbor Mug, glazed", "status": "active", "visible": true,
           "price": 19.00, "currency": "USD", "taxable": true, "taxCode": "TAXABLE", "unitOfMeasure": "EA",
           "compareAtPrice": 24.00,
           "shortDescription": "Our best-selling mug.",
           "description": "<p>Hand-glazed in Maine. Holds 12 oz.</p>",
           "images": [{"url": "https://cdn.example.com/img/harbor-mug-front.jpg", "alt": "Harbor Mug, front", "position": 1}],
           "seo": {"urlKey": "harbor-mug-glazed", "metaTitle": "Harbor Mug | Hand-glazed"},
           "attributes": {"color": "Harbor blue", "material": "stoneware"}}""");
    }
  }

  static String erpItem(CatalogRig rig) {
    return rig.erpKind == ErpKind.GP ? "WDG-1001-BLU" : "WID-100-BLK";
  }

  static FlowMappings mappings(CatalogRig rig) {
    FlowMappings.Builder m = FlowMappings.builder().sku(SKU, erpItem(rig));
    String[] sites = rig.erpKind == ErpKind.GP ? new String[] {"MAIN", "EAST"} : new String[] {"AUSTIN", "DALLAS"};
    if (rig.shopKind == ShopKind.MAGENTO) {
      m.stockSource(sites[0], "default").stockSource(sites[1], "wh_austin");
    } else {
      m.stockSource(sites[0], "AUSTIN").stockSource(sites[1], "DALLAS");
    }
    if (rig.erpKind == ErpKind.GP) {
      m.basePriceList("RETAIL");
      if (rig.shopKind == ShopKind.MAGENTO) {
        m.customerGroup("WHOLESALE", "Wholesale");
      }
    }
    return m.build();
  }

  static void runAll(CatalogRig rig, FlowOptions options) {
    for (var flow : List.of(Flows.catalogToStorefront(rig.erp(), rig.storefront(), options),
        Flows.inventoryToStorefront(rig.erp(), rig.storefront(), options),
        Flows.pricesToStorefront(rig.erp(), rig.storefront(), options))) {
      RunReport report = flow.runOnce();
      assertThat(report.state()).as(flow.name() + ": " + report.summary()).isEqualTo(RunState.COMPLETED);
    }
  }

  /** A price and a stock change in the ERP, made as the ERP itself would make them. */
  static void changeInErp(CatalogRig rig) {
    if (rig.erpKind == ErpKind.GP) {
      Instant later = Instant.parse("2024-06-01T09:00:00Z");
      rig.gp.execute("UPDATE IV00108 SET UOMPRICE = 27.75, DEX_ROW_TS = ? WHERE ITEMNMBR = 'WDG-1001-BLU'"
          + " AND PRCLEVEL = 'RETAIL'", later);
      rig.gp.execute("UPDATE IV00102 SET QTYONHND = 150 WHERE ITEMNMBR = 'WDG-1001-BLU' AND LOCNCODE = 'MAIN'"
          + " AND RCRDTYPE = 2");
      // GP's zDT_IV00102U trigger stamps IV00101; the weight (hundredths) changes in the same edit
      rig.gp.execute("UPDATE IV00101 SET ITEMSHWT = 200, DEX_ROW_TS = ? WHERE ITEMNMBR = 'WDG-1001-BLU'", later);
    } else {
      rig.slClock.advance(Duration.ofMinutes(30));
      rig.sl.setBasePrice("WID-100-BLK", new BigDecimal("27.75"));
      rig.sl.setStock("0060", "WID-100-BLK", "AUSTIN", new BigDecimal("150"), new BigDecimal("12"));
    }
  }

  /** Magento: every scope's stored values; Clarity: the product as its API shows it. */
  static JsonNode storefrontView(CatalogRig rig) throws Exception {
    return JSON.readTree(rig.shopKind == ShopKind.MAGENTO ? rig.magento.productScopes(SKU)
        : rig.clarity.productJson(SKU).orElseThrow());
  }

  /** The view without what the ERP owns (and the storefront's own change stamps). */
  static JsonNode storefrontOwned(CatalogRig rig, JsonNode view) {
    ObjectNode copy = view.deepCopy();
    if (rig.shopKind == ShopKind.MAGENTO) {
      ObjectNode global = (ObjectNode) copy.get("global");
      global.remove(List.of("price", "weight", "status", "updated_at"));
      ArrayNode kept = JSON.createArrayNode();
      for (JsonNode a : global.path("custom_attributes")) {
        if (!Set.of("tax_class_id", "unit_of_measure").contains(a.path("attribute_code").asText())) {
          kept.add(a);
        }
      }
      global.set("custom_attributes", kept);
    } else {
      copy.remove(List.of("price", "currency", "weight", "status", "taxCode", "unitOfMeasure", "updatedAt", "inventory"));
    }
    return copy;
  }

  static String customAttribute(JsonNode product, String code) {
    for (JsonNode a : product.path("custom_attributes")) {
      if (code.equals(a.path("attribute_code").asText())) {
        return a.path("value").asText();
      }
    }
    return null;
  }
}
