package io.commercesync.core.spi;

import io.commercesync.core.model.Item;
import io.commercesync.core.model.ItemStatus;
import java.util.Objects;
import java.util.Set;

/**
 * A partial product update: only the {@code fields} and {@code attributes} named are sent, in the
 * {@code scope} named, so content the storefront owns (descriptions, images, SEO, store-view names) is
 * never erased.
 *
 * @param item the ERP's view of the item
 * @param fields the standard fields to send (the ERP-owned ones)
 * @param attributes codes of {@link Item#attributes()} to send as custom attributes
 * @param scope the storefront scope to write in (Magento {@code all} for global values, or a store
 *     code); never implicit
 * @param createIfMissing whether to create the product when the storefront has none
 * @param statusWhenCreated the status of a newly created product (e.g. disabled until enriched)
 */
public record CatalogUpdate(
    Item item,
    Set<CatalogField> fields,
    Set<String> attributes,
    String scope,
    boolean createIfMissing,
    ItemStatus statusWhenCreated) {

  public CatalogUpdate {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(scope, "scope");
    fields = Set.copyOf(fields);
    attributes = attributes == null ? Set.of() : Set.copyOf(attributes);
    statusWhenCreated = statusWhenCreated == null ? ItemStatus.INACTIVE : statusWhenCreated;
  }
}
