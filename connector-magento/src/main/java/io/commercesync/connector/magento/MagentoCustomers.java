package io.commercesync.connector.magento;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.commercesync.connector.magento.internal.dto.CustomerDto;
import io.commercesync.connector.magento.internal.dto.CustomerWriteDto;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.http.RecordShape;
import io.commercesync.connector.magento.internal.mapping.CustomerMapper;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.Customer;
import io.commercesync.core.model.SystemId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Customers: {@code GET /V1/customers/{id}}, {@code GET /V1/customers/search}, {@code POST /V1/customers},
 * {@code PUT /V1/customers/{id}}.
 *
 * <p>An update never deletes an address by accident: a {@code PUT} with an {@code addresses} array
 * replaces the whole set, so {@link #update} reads the customer first, changes only the fields the
 * canonical customer owns (e-mail, names, numeric group), updates addresses it names (by id, or by equal
 * street/city/postcode/country/name), appends new ones, keeps every address it does not mention, and sends
 * the merged customer back — every other field (dob, gender, custom attributes) as Magento had it.
 *
 * <pre>{@code
 * long id = client.customers().create(StoreScope.store("default"), customer, 1);
 * client.customers().update(StoreScope.store("default"), id, changed);
 * }</pre>
 */
public final class MagentoCustomers {

  private final Core core;
  private final CustomerMapper mapper = CustomerMapper.INSTANCE;

  MagentoCustomers(Core core) {
    this.core = core;
  }

  /** The customer with {@code id}, as a canonical {@link Customer}. */
  public Customer get(StoreScope scope, long id) {
    return decode(record(scope, id));
  }

  /** The customer with {@code id}, as Magento sent it. */
  public MagentoRecord record(StoreScope scope, long id) {
    JsonNode node = core.http.call("GET", MagentoHttp.path(scope, "customers", String.valueOf(id)), null, null,
        "customer " + id, JsonNode.class, "customer");
    return RecordShape.CUSTOMER.toRecord(node, core.codec());
  }

  /** A streaming search over {@code GET /V1/customers/search}. */
  public MagentoPager search(StoreScope scope, SearchCriteria criteria) {
    return core.search(scope, "customers/search", criteria, RecordShape.CUSTOMER);
  }

  /** Customers changed after {@code (updatedAt, afterId)}, oldest first (keyset paging). */
  public MagentoPager changedSince(StoreScope scope, String updatedAt, String afterId) {
    return core.changedSince(scope, "customers/search", RecordShape.CUSTOMER, updatedAt, afterId, List.of());
  }

  /** Decodes a record into a canonical {@link Customer}. */
  public Customer decode(MagentoRecord record) {
    try {
      return mapper.toCustomer(core.codec().read(record.json(), CustomerDto.class, "customer"));
    } catch (InvalidRecordException e) {
      throw e.recordSystem().equals(SystemId.MAGENTO) && e.recordId().isPresent() ? e
          : e.relabel(SystemId.MAGENTO, "customer", record.key(), null);
    }
  }

  /**
   * {@code POST /V1/customers}: creates {@code customer} in website {@code websiteId}; returns its id.
   * A duplicate e-mail in the website is a 400 {@code A customer with the same email address already
   * exists in an associated website.}
   */
  public long create(StoreScope scope, Customer customer, int websiteId) {
    requireNames(customer);
    CustomerDto dto = mapper.toDto(customer, websiteId);
    ObjectNode body = (ObjectNode) core.codec().read(core.codec().write(dto), JsonNode.class, "customer");
    body.remove("id");
    JsonNode created = core.http.call("POST", MagentoHttp.path(scope, "customers"), null,
        new CustomerWriteDto(body, null), "customer " + customer.email(), JsonNode.class, "customer");
    return created.path("id").asLong();
  }

  /**
   * {@code PUT /V1/customers/{id}} with the current customer merged with {@code customer}: owned fields
   * replaced, named addresses updated or added, unnamed addresses kept.
   */
  public void update(StoreScope scope, long id, Customer customer) {
    requireNames(customer);
    ObjectNode current = (ObjectNode) core.codec().read(record(scope, id).json(), JsonNode.class, "customer");
    ObjectNode desired = (ObjectNode) core.codec().read(
        core.codec().write(mapper.toDto(customer, null)), JsonNode.class, "customer");
    ObjectNode merged = merge(current, desired, id);
    core.http.call("PUT", MagentoHttp.path(scope, "customers", String.valueOf(id)), null,
        new CustomerWriteDto(merged, null), "customer " + id, JsonNode.class, "customer");
  }

  /** {@code current} with the owned fields and the addresses of {@code desired}; nothing deleted. */
  static ObjectNode merge(ObjectNode current, ObjectNode desired, long id) {
    ObjectNode merged = current.deepCopy();
    merged.put("id", id);
    for (String field : List.of("email", "firstname", "lastname", "group_id", "website_id")) {
      if (desired.hasNonNull(field)) {
        merged.set(field, desired.get(field));
      }
    }
    ArrayNode addresses = merged.has("addresses") && merged.get("addresses").isArray()
        ? (ArrayNode) merged.get("addresses") : merged.putArray("addresses");
    boolean defaultsChanged = false;
    for (JsonNode wanted : desired.path("addresses")) {
      ObjectNode target = find(addresses, (ObjectNode) wanted);
      ObjectNode incoming = ((ObjectNode) wanted).deepCopy();
      incoming.remove("id");
      incoming.put("customer_id", id);
      if (target == null) {
        addresses.add(incoming);
        target = incoming;
      } else {
        target.setAll(incoming);
      }
      for (String flag : List.of("default_billing", "default_shipping")) {
        if (wanted.path(flag).asBoolean(false)) {
          for (JsonNode other : addresses) {
            if (other != target) {
              ((ObjectNode) other).remove(flag);
            }
          }
          target.put(flag, true);
          merged.remove(flag);
          defaultsChanged = true;
        }
      }
    }
    if (defaultsChanged) {
      // customer-level default_billing/default_shipping ids are derived from the address flags on save
      merged.remove("default_billing");
      merged.remove("default_shipping");
    }
    return merged;
  }

  private static ObjectNode find(ArrayNode addresses, ObjectNode wanted) {
    if (wanted.hasNonNull("id")) {
      for (JsonNode a : addresses) {
        if (a.path("id").asText().equals(wanted.get("id").asText())) {
          return (ObjectNode) a;
        }
      }
    }
    for (JsonNode a : addresses) {
      if (sameAddress(a, wanted)) {
        return (ObjectNode) a;
      }
    }
    return null;
  }

  private static boolean sameAddress(JsonNode a, JsonNode b) {
    for (String field : List.of("city", "postcode", "country_id", "firstname", "lastname")) {
      if (!norm(a.path(field).asText(null)).equals(norm(b.path(field).asText(null)))) {
        return false;
      }
    }
    List<String> sa = new ArrayList<>();
    a.path("street").forEach(s -> sa.add(norm(s.asText())));
    List<String> sb = new ArrayList<>();
    b.path("street").forEach(s -> sb.add(norm(s.asText())));
    return sa.equals(sb);
  }

  private static String norm(String s) {
    return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static void requireNames(Customer customer) {
    InvalidRecordException.Builder errors = InvalidRecordException.builder(SystemId.MAGENTO, "customer")
        .recordId(customer.email());
    // Magento: "%fieldName" is required for firstname, lastname and email (CustomerRepository validation)
    if (blank(customer.email())) {
      errors.violation(io.commercesync.core.error.FieldViolation.required("email"));
    }
    if (blank(customer.firstName())) {
      errors.violation(io.commercesync.core.error.FieldViolation.required("firstname"));
    }
    if (blank(customer.lastName())) {
      errors.violation(io.commercesync.core.error.FieldViolation.required("lastname"));
    }
    errors.throwIfAny();
  }

  private static boolean blank(String s) {
    return Objects.isNull(s) || s.isBlank();
  }
}
