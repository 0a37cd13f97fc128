package io.commercesync.testkit.dynamicssl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic starting data, the same for the same seed: two companies, their sites, carriers and order
 * types ({@code SO} sales order, {@code CM} credit memo), a
 * chart of accounts, the sample customer {@code C20311} and item {@code WID-100-BLK} with the
 * quantities of {@code inventory-by-site.json}, generated customers and items, one item whose
 * {@code QtyAvail} is negative (allocated beyond stock), and open invoices.
 */
final class SlSeed {

  static final Set<String> COMPANIES = Set.of("0060", "0070");

  private static final String[] FIRST = {"Maria", "James", "Aiko", "Noah", "Fatima", "Lars", "Chloe", "Mateo",
      "Priya", "Owen", "Zofia", "Kwame"};
  private static final String[] LAST = {"Lopez", "Carter", "Tanaka", "Schmidt", "Haddad", "Nilsen", "Dubois",
      "Rossi", "Patel", "Byrne", "Nowak", "Mensah"};
  private static final String[] CITIES = {"Austin|TX|787", "Dallas|TX|752", "Houston|TX|770", "Denver|CO|802",
      "Tulsa|OK|741", "Phoenix|AZ|850"};
  private static final String[] PRODUCTS = {"Widget", "Gadget", "Bracket", "Hinge", "Valve", "Sprocket", "Gasket",
      "Clamp"};
  private static final String[] COLORS = {"Black", "White", "Red", "Blue", "Steel"};

  private SlSeed() {}

  static void seed(SlStore store, ObjectMapper json, long seed) {
    Random random = new Random(seed);
    site(store, json, "AUSTIN", "Austin warehouse", "0060");
    site(store, json, "DALLAS", "Dallas warehouse", "0060");
    site(store, json, "HOUSTON", "Houston warehouse", "0070");
    for (String cpny : List.of("0060", "0070")) {
      shipVia(store, json, cpny, "UPS-GROUND", "UPS Ground", "UPS", "UPSN");
      shipVia(store, json, cpny, "FEDEX-GROUND", "FedEx Ground", "FEDEX", "FDEG");
      shipVia(store, json, cpny, "USPS-PRIORITY", "USPS Priority Mail", "USPS", "USPS");
      // order types: ids are site-defined (named after their behaviour here, as is usual); the Behavior
      // codes SO and CM are SL's (seen in SL's own procedures, e.g. ADG_CreditCheck_OrderBal)
      orderType(store, json, cpny, "SO", "Sales order", "SO", "CM");
      orderType(store, json, cpny, "CM", "Credit memo", "CM", "");
    }
    for (String[] a : new String[][] {{"1010", "Operating cash", "AB"}, {"1200", "Accounts receivable", "AB"},
        {"1205", "Web receipts clearing", "AB"}, {"2300", "Sales tax payable", "LB"}, {"4010", "Web sales", "IN"},
        {"4050", "Freight charged", "IN"}, {"4900", "Sales returns and allowances", "IN"},
        {"6150", "Card processing fees", "EB"}}) {
      ObjectNode row = json.createObjectNode().put("Acct", a[0]).put("Descr", a[1]).put("AcctType", a[2])
          .put("Active", 1);
      store.put("Account", row, "01260");
    }

    // the sample customer of customer.json
    ObjectNode maria = json.createObjectNode();
    maria.put("CustId", "C20311").put("Name", "Maria Lopez").put("Attn", "Maria Lopez")
        .put("Addr1", "1200 Congress Ave").put("Addr2", "Suite 410").put("City", "Austin").put("State", "TX")
        .put("Zip", "78701").put("Country", "USA").put("Phone", "512-555-0142")
        .put("EMailAddr", "maria.lopez@example.com").put("BillName", "Maria Lopez").put("BillAttn", "Maria Lopez")
        .put("BillAddr1", "1200 Congress Ave").put("BillAddr2", "Suite 410").put("BillCity", "Austin")
        .put("BillState", "TX").put("BillZip", "78701").put("BillCountry", "USA").put("BillPhone", "512-555-0142")
        .put("ClassId", "WEB").put("PriceClassID", "RETAIL").put("Terms", "CC").put("Status", "A")
        .put("CrLmt", BigDecimal.ZERO).put("CuryId", "USD").put("SlsperId", "WEB").put("TaxID00", "TX-AUSTIN")
        .put("DfltShipToId", "DEFAULT").put("User1", "cus_20311");
    store.put("Customer", maria, "08260");
    shipTo(store, json, "C20311", "DEFAULT", "Office", "Maria Lopez", "1200 Congress Ave", "Suite 410", "78701");
    shipTo(store, json, "C20311", "HOME", "Home", "Maria Lopez", "4821 Shoal Creek Blvd", "", "78756");
    invoice(store, json, "0060", "C20311", "INV10422", new BigDecimal("250.00"), "2024-05-02");

    for (int i = 0; i < 24; i++) {
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      String[] city = CITIES[random.nextInt(CITIES.length)].split("\\|");
      String custId = String.format("C%05d", 20400 + i * 7);
      String zip = city[2] + String.format("%02d", random.nextInt(100));
      ObjectNode c = json.createObjectNode();
      c.put("CustId", custId).put("Name", first + " " + last).put("Attn", first + " " + last)
          .put("Addr1", (100 + random.nextInt(9000)) + " " + LAST[random.nextInt(LAST.length)] + " St")
          .put("City", city[0]).put("State", city[1]).put("Zip", zip).put("Country", "USA")
          .put("Phone", String.format("555-01%02d", random.nextInt(100)))
          .put("EMailAddr", (first + "." + last + i + "@example.com").toLowerCase(java.util.Locale.ROOT))
          .put("ClassId", random.nextInt(4) == 0 ? "WHOLE" : "WEB").put("Terms", random.nextBoolean() ? "CC" : "30")
          .put("Status", random.nextInt(10) == 0 ? "H" : "A")
          .put("CrLmt", BigDecimal.valueOf(random.nextInt(50) * 100L)).put("CuryId", "USD");
      store.put("Customer", c, "08260");
      if (random.nextInt(3) == 0) {
        invoice(store, json, "0060", custId, String.format("INV%05d", 10500 + i),
            BigDecimal.valueOf(1000 + random.nextInt(90000), 2), "2024-04-" + String.format("%02d", 1 + random.nextInt(28)));
      }
    }

    // the sample item of inventory-by-site.json / product.json
    item(store, json, "WID-100-BLK", "Widget 100, black", "WIDGET", new BigDecimal("24.99"), "012345678905", "Black");
    itemSite(store, json, "WID-100-BLK", "AUSTIN", "0060", 140, 12, 20, 50, 0, "11.42");
    itemSite(store, json, "WID-100-BLK", "DALLAS", "0060", 35, 4, 4, 0, 10, "11.58");
    item(store, json, "GAD-220", "Gadget 220", "GADGET", new BigDecimal("54.99"), "012345678912", "");
    itemSite(store, json, "GAD-220", "AUSTIN", "0060", 60, 3, 3, 0, 0, "30.10");
    itemSite(store, json, "GAD-220", "DALLAS", "0060", 12, 0, 0, 24, 0, "30.40");
    // allocated beyond stock: QtyAvail is negative, as SL reports it
    item(store, json, "BCK-300", "Bracket 300, steel", "BRACKT", new BigDecimal("7.49"), "012345678929", "Steel");
    itemSite(store, json, "BCK-300", "AUSTIN", "0060", 2, 5, 5, 40, 0, "3.05");
    itemSite(store, json, "BCK-300", "DALLAS", "0060", 9, 0, 0, 0, 0, "3.07");
    for (int i = 0; i < 30; i++) {
      String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
      String color = COLORS[random.nextInt(COLORS.length)];
      String invtId = product.substring(0, 3).toUpperCase(java.util.Locale.ROOT) + "-" + (400 + i * 3) + "-"
          + color.substring(0, 3).toUpperCase(java.util.Locale.ROOT);
      BigDecimal price = BigDecimal.valueOf(199 + random.nextInt(20000), 2);
      item(store, json, invtId, product + " " + (400 + i * 3) + ", " + color.toLowerCase(java.util.Locale.ROOT),
          product.substring(0, Math.min(6, product.length())).toUpperCase(java.util.Locale.ROOT), price,
          String.format("0%011d", random.nextInt(1_000_000_000)), color);
      for (String site : List.of("AUSTIN", "DALLAS")) {
        int onHand = random.nextInt(200);
        int alloc = random.nextInt(Math.max(1, onHand / 4 + 1));
        itemSite(store, json, invtId, site, "0060", onHand, alloc, alloc + random.nextInt(5), random.nextInt(3) * 25,
            0, price.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN).toPlainString());
      }
    }
  }

  static void orderType(SlStore store, ObjectMapper json, String cpny, String id, String descr, String behavior,
      String returnType) {
    store.put("SOType", json.createObjectNode().put("CpnyID", cpny).put("SOTypeID", id).put("Descr", descr)
        .put("Behavior", behavior).put("ReturnOrderTypeID", returnType).put("Active", 1), "WEBSIM");
  }

  static void site(SlStore store, ObjectMapper json, String id, String name, String cpny) {
    store.put("Site", json.createObjectNode().put("SiteId", id).put("Name", name).put("CpnyID", cpny), "10310");
  }

  private static void shipVia(SlStore store, ObjectMapper json, String cpny, String id, String descr, String carrier,
      String scac) {
    store.put("ShipVia", json.createObjectNode().put("CpnyID", cpny).put("ShipViaID", id).put("Descr", descr)
        .put("CarrierID", carrier).put("SCAC", scac), "40330");
  }

  private static void shipTo(SlStore store, ObjectMapper json, String custId, String id, String descr, String name,
      String addr1, String addr2, String zip) {
    ObjectNode a = json.createObjectNode();
    a.put("CustId", custId).put("ShipToId", id).put("Descr", descr).put("Name", name).put("Addr1", addr1)
        .put("Addr2", addr2).put("City", "Austin").put("State", "TX").put("Zip", zip).put("Country", "USA")
        .put("EMailAddr", "maria.lopez@example.com").put("ShipViaID", "UPS-GROUND").put("SiteID", "AUSTIN")
        .put("TaxId00", "TX-AUSTIN").put("Status", "A");
    store.put("SOAddress", a, "08260");
  }

  private static void invoice(SlStore store, ObjectMapper json, String cpny, String custId, String refNbr,
      BigDecimal amount, String date) {
    ObjectNode d = json.createObjectNode();
    d.put("CpnyID", cpny).put("CustId", custId).put("DocType", "IN").put("RefNbr", refNbr).put("BatNbr", "002950")
        .put("DocDate", date).put("CuryOrigDocAmt", amount).put("OrigDocAmt", amount).put("CuryDocBal", amount)
        .put("DocBal", amount).put("CuryId", "USD").put("PerPost", date.substring(0, 4) + date.substring(5, 7))
        .put("Status", "A").put("Rlsed", 1).put("OpenDoc", 1);
    store.put("ARDoc", d, "08010");
  }

  static void item(SlStore store, ObjectMapper json, String invtId, String descr, String classId,
      BigDecimal price, String upc, String color) {
    ObjectNode i = json.createObjectNode();
    i.put("InvtID", invtId).put("Descr", descr).put("ClassID", classId).put("PriceClassID", "STD").put("StkUnit", "EA")
        .put("DfltSOUnit", "EA").put("StkBasePrc", price).put("StkWt", new BigDecimal("1.25")).put("StkWtUnit", "LB")
        .put("UPCCode", upc).put("TaxCat", "TAXABLE").put("TranStatusCode", "AC").put("StkItem", 1)
        .put("DfltSite", "AUSTIN").put("Color", color).put("Size", "STD");
    store.put("Inventory", i, "10250");
  }

  static void itemSite(SlStore store, ObjectMapper json, String invtId, String site, String cpny, int onHand,
      int alloc, int custOrd, int onPo, int inTransit, String avgCost) {
    ObjectNode s = json.createObjectNode();
    s.put("InvtID", invtId).put("SiteID", site).put("CpnyID", cpny).put("QtyOnHand", onHand).put("QtyAlloc", alloc)
        .put("QtyAllocSO", alloc).put("QtyCustOrd", custOrd).put("QtyOnBO", 0).put("QtyShipNotInv", 0)
        .put("QtyOnPO", onPo).put("QtyInTransit", inTransit).put("QtyNotAvail", 0).put("QtyAvail", onHand - alloc)
        .put("AvgCost", new BigDecimal(avgCost));
    store.put("ItemSite", s, "10030");
  }
}
