package io.commercesync.connector.magento;

import io.commercesync.core.error.ConfigurationException;
import io.commercesync.core.model.SystemId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The store scope of one Magento call, always explicit: {@code /rest/<store_code>/V1/…} for one store view,
 * {@code /rest/all/V1/…} for global (admin, store 0) values.
 *
 * <p>Why it matters (reference §1, §8, issues #9186/#9874): a product update sent to
 * {@code /rest/V1/…} or {@code /rest/default/V1/…} writes every attribute in the payload as a store-view
 * override of the default store view, leaving "All Store Views" unchanged. Prices, stock and status
 * belong in {@link #ALL}; localized text in a store code. The client never picks a scope for you.
 *
 * <pre>{@code
 * client.products().update(StoreScope.ALL, update);                 // global values
 * client.orders().get(StoreScope.store("default"), 1043);           // one store view
 * }</pre>
 *
 * @param code {@code all} or a store view code (letters, digits and underscores, starting with a letter)
 */
public record StoreScope(String code) {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  /** Global values: {@code /rest/all/V1/…}. */
  public static final StoreScope ALL = new StoreScope("all");

  public StoreScope {
    Objects.requireNonNull(code, "code");
    if (!CODE.matcher(code).matches()) {
      throw ConfigurationException.of(SystemId.MAGENTO, "storeCode",
          "must be 'all' or a store view code of lower-case letters, digits and underscores (was '"
              + code + "')");
    }
  }

  /** The scope of store view {@code code}, e.g. {@code default} or {@code fr_ca}. */
  public static StoreScope store(String code) {
    return new StoreScope(code);
  }

  /** Whether this is the global scope. */
  public boolean isAll() {
    return code.equals("all");
  }

  /** {@code /rest/default}: the prefix of synchronous routes. */
  public String restPrefix() {
    return "/rest/" + code;
  }

  /** {@code /rest/default/async/bulk}: the prefix of async bulk routes. */
  public String bulkPrefix() {
    return "/rest/" + code + "/async/bulk";
  }

  @Override
  public String toString() {
    return code;
  }
}
