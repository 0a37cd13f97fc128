/**
 * The Magento 2 / Adobe Commerce connector.
 *
 * <ul>
 *   <li>{@link io.commercesync.connector.magento.MagentoClient}: the REST client (one immutable builder;
 *       OAuth 1.0a, bearer or admin-token auth; an explicit {@link io.commercesync.connector.magento.StoreScope}
 *       on every call) with its resources: orders, sales documents, customers, products, inventory, prices,
 *       async bulk;
 *   <li>{@link io.commercesync.connector.magento.SearchCriteria} and
 *       {@link io.commercesync.connector.magento.MagentoPager}: Magento's search syntax and streaming paging;
 *   <li>{@link io.commercesync.connector.magento.MagentoStorefront}: the storefront capabilities
 *       (order and return sources, customer store, catalog, inventory, price, shipment, invoice and status
 *       sinks) and the Adobe Commerce order webhook entry point.
 * </ul>
 *
 * <pre>{@code
 * MagentoClient client = MagentoClient.builder().baseUrl("https://shop.example.com")
 *     .oauth1(consumerKey, consumerSecret, accessToken, accessTokenSecret).build();
 * OrderSource orders = MagentoStorefront.of(client).require(OrderSource.class);
 * }</pre>
 *
 * <p>Wire DTOs, mappers and HTTP plumbing live in {@code …magento.internal} and are not API.
 */
package io.commercesync.connector.magento;
