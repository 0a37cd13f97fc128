package io.commercesync.core.flow;

import io.commercesync.core.codec.JsonCodec;
import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.spi.CatalogField;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The business mappings the flows need between one storefront and one ERP: skus to items, warehouses
 * to stock locations, payment and shipping methods, stores to companies, custom fields to ERP
 * user-defined fields, price levels to customer groups, and who owns which field.
 *
 * <pre>{@code
 * FlowMappings mappings = FlowMappings.builder()
 *     .sku("CS-TEE-HBR-M-BLU", "TEE-HBR-M-BLU")          // storefront sku -> ERP item
 *     .strictSkus(true)                                   // unknown skus are rejected, not guessed
 *     .orderSite("default", "MAIN")                       // storefront source -> ERP site
 *     .stockSource("MAIN", "default").stockSource("EAST", "east_coast")
 *     .paymentMethod("checkmo", PaymentAccount.checkbook("OPERATING"))
 *     .shippingMethod("flatrate_flatrate", "UPS GROUND")
 *     .company("default", "TWO")
 *     .userDefinedField("gift_message", "USRDEF03")
 *     .build();
 * FlowMappings fromFile = FlowMappings.fromJson(Path.of("mappings.json"));
 * }</pre>
 *
 * <p>Unmapped values fall back as documented per setting; every lookup that cannot be answered is a
 * clear error naming the value and the setting to add. Immutable.
 */
public final class FlowMappings {

  /** Fields the ERP owns on a customer by default (storefront owns e-mail, names and log-in data). */
  public static final Set<String> DEFAULT_ERP_CUSTOMER_FIELDS = Set.of("paymentTerms", "creditLimit", "group", "onHold", "taxExempt");

  /** Fields the ERP owns on a product by default. */
  public static final Set<CatalogField> DEFAULT_ERP_CATALOG_FIELDS = Set.copyOf(EnumSet.of(
      CatalogField.PRICE, CatalogField.WEIGHT, CatalogField.STATUS, CatalogField.TAX_CLASS, CatalogField.UNIT_OF_MEASURE));

  private final Map<String, String> skus;
  private final Map<String, String> erpItemToSku;
  private final boolean strictSkus;
  private final Map<String, String> orderSites;
  private final String defaultSite;
  private final Map<String, String> stockSources;
  private final Map<String, PaymentAccount> paymentMethods;
  private final Map<String, String> shippingMethods;
  private final Map<String, String> companies;
  private final Map<String, String> userDefinedFields;
  private final Map<String, String> customerGroups;
  private final Map<String, String> taxClasses;
  private final Set<String> erpCustomerFields;
  private final Set<CatalogField> erpCatalogFields;
  private final BigDecimal safetyStock;
  private final boolean backorders;
  private final String statusOnAccepted;
  private final String catalogScope;
  private final String basePriceList;

  private FlowMappings(Builder b) {
    this.skus = Map.copyOf(b.skus);
    Map<String, String> reverse = new LinkedHashMap<>();
    b.skus.forEach((sku, item) -> reverse.putIfAbsent(item, sku));
    this.erpItemToSku = Map.copyOf(reverse);
    this.strictSkus = b.strictSkus;
    this.orderSites = Map.copyOf(b.orderSites);
    this.defaultSite = b.defaultSite;
    this.stockSources = Map.copyOf(b.stockSources);
    this.paymentMethods = Map.copyOf(b.paymentMethods);
    this.shippingMethods = Map.copyOf(b.shippingMethods);
    this.companies = Map.copyOf(b.companies);
    this.userDefinedFields = Map.copyOf(b.userDefinedFields);
    this.customerGroups = Map.copyOf(b.customerGroups);
    this.taxClasses = Map.copyOf(b.taxClasses);
    this.erpCustomerFields = Set.copyOf(b.erpCustomerFields);
    this.erpCatalogFields = Set.copyOf(b.erpCatalogFields);
    this.safetyStock = b.safetyStock;
    this.backorders = b.backorders;
    this.statusOnAccepted = b.statusOnAccepted;
    this.catalogScope = b.catalogScope;
    this.basePriceList = b.basePriceList;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Mappings that map nothing: skus and sites pass through unchanged. */
  public static FlowMappings defaults() {
    return builder().build();
  }

  /**
   * Reads mappings from JSON: {@code {"skus": {...}, "strictSkus": true, "orderSites": {...},
   * "defaultSite": "MAIN", "stockSources": {...}, "paymentMethods": {"checkmo": {"checkbookId":
   * "OPERATING"}}, "shippingMethods": {...}, "companies": {...}, "userDefinedFields": {...},
   * "customerGroups": {...}, "taxClasses": {...}, "erpCustomerFields": [...], "erpCatalogFields": ["PRICE", ...],
   * "safetyStock": 2, "backorders": false, "statusOnAccepted": "processing", "catalogScope": "all",
   * "basePriceList": "RETAIL"}}.
   *
   * @throws ConfigurationException naming the bad setting
   */
  public static FlowMappings fromJson(byte[] json) {
    try {
      Document d = JsonCodec.builder(SystemId.CANONICAL).failOnUnknown(true).build().read(json, Document.class, "mappings");
      Builder b = builder();
      if (d.skus() != null) d.skus().forEach(b::sku);
      if (d.strictSkus() != null) b.strictSkus(d.strictSkus());
      if (d.orderSites() != null) d.orderSites().forEach(b::orderSite);
      if (d.defaultSite() != null) b.defaultSite(d.defaultSite());
      if (d.stockSources() != null) d.stockSources().forEach(b::stockSource);
      if (d.paymentMethods() != null) d.paymentMethods().forEach(b::paymentMethod);
      if (d.shippingMethods() != null) d.shippingMethods().forEach(b::shippingMethod);
      if (d.companies() != null) d.companies().forEach(b::company);
      if (d.userDefinedFields() != null) d.userDefinedFields().forEach(b::userDefinedField);
      if (d.customerGroups() != null) d.customerGroups().forEach(b::customerGroup);
      if (d.taxClasses() != null) d.taxClasses().forEach(b::taxClass);
      if (d.erpCustomerFields() != null) b.erpCustomerFields(d.erpCustomerFields());
      if (d.erpCatalogFields() != null) b.erpCatalogFields(d.erpCatalogFields());
      if (d.safetyStock() != null) b.safetyStock(d.safetyStock());
      if (d.backorders() != null) b.backorders(d.backorders());
      if (d.statusOnAccepted() != null) b.statusOnAccepted(d.statusOnAccepted());
      if (d.catalogScope() != null) b.catalogScope(d.catalogScope());
      if (d.basePriceList() != null) b.basePriceList(d.basePriceList());
      return b.build();
    } catch (InvalidRecordException e) {
      throw ConfigurationException.of("mappings", e.getMessage(), e);
    }
  }

  /** Reads mappings from a JSON file. */
  public static FlowMappings fromJson(Path file) {
    try {
      return fromJson(Files.readAllBytes(file));
    } catch (java.io.IOException e) {
      throw ConfigurationException.of("mappings", "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  record Document(
      Map<String, String> skus, Boolean strictSkus, Map<String, String> orderSites, String defaultSite,
      Map<String, String> stockSources, Map<String, PaymentAccount> paymentMethods,
      Map<String, String> shippingMethods, Map<String, String> companies,
      Map<String, String> userDefinedFields, Map<String, String> customerGroups, Map<String, String> taxClasses,
      Set<String> erpCustomerFields,
      Set<CatalogField> erpCatalogFields, BigDecimal safetyStock, Boolean backorders, String statusOnAccepted,
      String catalogScope, String basePriceList) {}

  /** Storefront sku → ERP item table. */
  public Map<String, String> skus() { return skus; }
  /**
   * The storefront sku of ERP item {@code erpItem}: the table read backwards, or the item number itself
   * when the table does not name it (what the ERP-to-storefront flows send).
   */
  public String storefrontSku(String erpItem) {
    return erpItemToSku.getOrDefault(erpItem, erpItem);
  }

  /** Whether a sku absent from the table is rejected (true) or passed through unchanged (false, the default). */
  public boolean strictSkus() { return strictSkus; }
  /** Storefront stock location (Magento source, Clarity location) → ERP site, for order lines. */
  public Map<String, String> orderSites() { return orderSites; }
  /** The ERP site for lines without a mapped location, or null for the ERP's default. */
  public String defaultSite() { return defaultSite; }
  /** ERP site → storefront stock location, for inventory; sites not listed are not published. */
  public Map<String, String> stockSources() { return stockSources; }
  public Map<String, PaymentAccount> paymentMethods() { return paymentMethods; }
  /** Storefront shipping method → ERP shipping method; unmapped methods send none (the ERP default). */
  public Map<String, String> shippingMethods() { return shippingMethods; }
  /** Storefront store/website code → ERP company; unmapped stores go to the default company. */
  public Map<String, String> companies() { return companies; }
  /** Storefront custom field code → ERP user-defined field name. */
  public Map<String, String> userDefinedFields() { return userDefinedFields; }
  /** ERP price level / customer class → storefront customer group. */
  public Map<String, String> customerGroups() { return customerGroups; }
  /**
   * ERP tax class → storefront tax class (GP {@code ITMTSHID} / SL {@code TaxCat} → Magento
   * {@code tax_class_id} option id such as {@code 2}, Clarity {@code taxCode}). When the table is empty the
   * ERP's code is sent as it is; when it is not, an unlisted ERP class is not sent at all (the storefront
   * keeps its value) rather than sent as a value the storefront does not know.
   */
  public Map<String, String> taxClasses() { return taxClasses; }
  /** Customer fields the ERP owns (it wins on conflict); the storefront owns the rest. */
  public Set<String> erpCustomerFields() { return erpCustomerFields; }
  /** Product fields the ERP owns and the catalog flow sends; the storefront owns the rest. */
  public Set<CatalogField> erpCatalogFields() { return erpCatalogFields; }
  /** Quantity held back from the storefront per sku and location; default 0. */
  public BigDecimal safetyStock() { return safetyStock; }
  /** Whether items stay sellable at zero stock (back orders); default false. */
  public boolean backorders() { return backorders; }
  /** Storefront status code set once the ERP accepted an order, or null to leave the status alone. */
  public String statusOnAccepted() { return statusOnAccepted; }
  /** Storefront scope catalog writes go to; default {@code all} (global values, never a store-view override). */
  public String catalogScope() { return catalogScope; }
  /** The ERP price level whose prices are the storefront's base prices (e.g. GP {@code RETAIL}), or null. */
  public String basePriceList() { return basePriceList; }

  /** Builds {@link FlowMappings}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> skus = new LinkedHashMap<>();
    private boolean strictSkus;
    private final Map<String, String> orderSites = new LinkedHashMap<>();
    private String defaultSite;
    private final Map<String, String> stockSources = new LinkedHashMap<>();
    private final Map<String, PaymentAccount> paymentMethods = new LinkedHashMap<>();
    private final Map<String, String> shippingMethods = new LinkedHashMap<>();
    private final Map<String, String> companies = new LinkedHashMap<>();
    private final Map<String, String> userDefinedFields = new LinkedHashMap<>();
    private final Map<String, String> customerGroups = new LinkedHashMap<>();
    private final Map<String, String> taxClasses = new LinkedHashMap<>();
    private Set<String> erpCustomerFields = DEFAULT_ERP_CUSTOMER_FIELDS;
    private Set<CatalogField> erpCatalogFields = DEFAULT_ERP_CATALOG_FIELDS;
    private BigDecimal safetyStock = BigDecimal.ZERO;
    private boolean backorders;
    private String statusOnAccepted;
    private String catalogScope = "all";
    private String basePriceList;

    private Builder() {}

    public Builder sku(String storefrontSku, String erpItem) {
      skus.put(require(storefrontSku, "skus key"), require(erpItem, "skus." + storefrontSku));
      return this;
    }

    public Builder strictSkus(boolean strict) {
      this.strictSkus = strict;
      return this;
    }

    public Builder orderSite(String storefrontLocation, String erpSite) {
      orderSites.put(require(storefrontLocation, "orderSites key"), require(erpSite, "orderSites." + storefrontLocation));
      return this;
    }

    public Builder defaultSite(String erpSite) {
      this.defaultSite = erpSite;
      return this;
    }

    public Builder stockSource(String erpSite, String storefrontLocation) {
      stockSources.put(require(erpSite, "stockSources key"), require(storefrontLocation, "stockSources." + erpSite));
      return this;
    }

    public Builder paymentMethod(String storefrontMethod, PaymentAccount account) {
      paymentMethods.put(require(storefrontMethod, "paymentMethods key"), Objects.requireNonNull(account, "account"));
      return this;
    }

    public Builder shippingMethod(String storefrontMethod, String erpMethod) {
      shippingMethods.put(require(storefrontMethod, "shippingMethods key"), require(erpMethod, "shippingMethods." + storefrontMethod));
      return this;
    }

    public Builder company(String storeCode, String erpCompany) {
      companies.put(require(storeCode, "companies key"), require(erpCompany, "companies." + storeCode));
      return this;
    }

    public Builder userDefinedField(String storefrontField, String erpField) {
      userDefinedFields.put(require(storefrontField, "userDefinedFields key"), require(erpField, "userDefinedFields." + storefrontField));
      return this;
    }

    public Builder customerGroup(String erpPriceLevel, String storefrontGroup) {
      customerGroups.put(require(erpPriceLevel, "customerGroups key"), require(storefrontGroup, "customerGroups." + erpPriceLevel));
      return this;
    }

    public Builder taxClass(String erpTaxClass, String storefrontTaxClass) {
      taxClasses.put(require(erpTaxClass, "taxClasses key"), require(storefrontTaxClass, "taxClasses." + erpTaxClass));
      return this;
    }

    public Builder erpCustomerFields(Set<String> fields) {
      this.erpCustomerFields = Set.copyOf(fields);
      return this;
    }

    public Builder erpCatalogFields(Set<CatalogField> fields) {
      this.erpCatalogFields = Set.copyOf(fields);
      return this;
    }

    public Builder safetyStock(BigDecimal quantity) {
      this.safetyStock = Objects.requireNonNull(quantity, "safetyStock");
      return this;
    }

    public Builder backorders(boolean allowed) {
      this.backorders = allowed;
      return this;
    }

    public Builder statusOnAccepted(String statusCode) {
      this.statusOnAccepted = statusCode;
      return this;
    }

    public Builder basePriceList(String priceLevel) {
      this.basePriceList = priceLevel;
      return this;
    }

    public Builder catalogScope(String scope) {
      this.catalogScope = require(scope, "catalogScope");
      return this;
    }

    public FlowMappings build() {
      if (safetyStock.signum() < 0) {
        throw ConfigurationException.of("mappings.safetyStock", "must be >= 0 (was " + safetyStock + ")");
      }
      for (String field : erpCustomerFields) {
        if (!Set.of("paymentTerms", "creditLimit", "group", "onHold", "taxExempt", "email", "phone", "firstName",
            "lastName", "company", "addresses").contains(field)) {
          throw ConfigurationException.of("mappings.erpCustomerFields", "unknown customer field " + field);
        }
      }
      return new FlowMappings(this);
    }

    private static String require(String value, String setting) {
      if (value == null || value.isBlank()) {
        throw ConfigurationException.of("mappings." + setting, "must not be blank");
      }
      return value;
    }
  }
}
