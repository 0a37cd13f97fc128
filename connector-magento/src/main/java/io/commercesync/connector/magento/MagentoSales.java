package io.commercesync.connector.magento;

import com.fasterxml.jackson.databind.JsonNode;
import io.commercesync.connector.magento.internal.dto.SalesDocumentDto;
import io.commercesync.connector.magento.internal.http.MagentoHttp;
import io.commercesync.connector.magento.internal.http.RecordShape;
import io.commercesync.connector.magento.internal.mapping.CreditMemoMapper;
import io.commercesync.connector.magento.internal.mapping.WireMapper;
import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.Return;
import io.commercesync.core.model.SystemId;
import java.util.ArrayList;
import java.util.List;

/**
 * Invoices, shipments and credit memos: {@code POST /V1/order/{id}/invoice},
 * {@code POST /V1/order/{id}/ship} (tracks and MSI source code), and the reads {@code GET /V1/invoices},
 * {@code GET /V1/shipments}, {@code GET /V1/creditmemos}, {@code GET /V1/creditmemo/{id}}.
 *
 * <pre>{@code
 * long shipmentId = client.sales().ship(StoreScope.store("default"), 1043, shipRequest);
 * }</pre>
 *
 * <p>Both writes create a new document each time they are called: callers guard them with a lookup
 * (the storefront's ShipmentSink and InvoiceSink do).
 */
public final class MagentoSales {

  private final Core core;
  private final WireMapper wire = WireMapper.INSTANCE;
  private final CreditMemoMapper creditMemos = new CreditMemoMapper();

  MagentoSales(Core core) {
    this.core = core;
  }

  /** Invoices order {@code orderId}; returns the invoice's {@code entity_id}. */
  public long invoice(StoreScope scope, long orderId, InvoiceRequest request) {
    String path = MagentoHttp.path(scope, "order", String.valueOf(orderId), "invoice");
    JsonNode id = core.http.call("POST", path, null, wire.toDto(request), "order " + orderId, JsonNode.class,
        "invoice id");
    return requireId(id, path, orderId);
  }

  /** Ships order {@code orderId}; returns the shipment's {@code entity_id}. */
  public long ship(StoreScope scope, long orderId, ShipRequest request) {
    String path = MagentoHttp.path(scope, "order", String.valueOf(orderId), "ship");
    JsonNode id = core.http.call("POST", path, null, wire.toDto(request), "order " + orderId, JsonNode.class,
        "shipment id");
    return requireId(id, path, orderId);
  }

  private static long requireId(JsonNode id, String path, long orderId) {
    if (!id.canConvertToLong() && !(id.isTextual() && id.asText().matches("\\d+"))) {
      throw RemoteSystemException.builder(SystemId.MAGENTO, "POST " + path).status(200)
          .recordKey("order " + orderId).remoteMessage("expected the new document's id, got " + id)
          .retryable(false).build();
    }
    return id.asLong();
  }

  /** A streaming search over {@code GET /V1/shipments}. */
  public MagentoPager shipments(StoreScope scope, SearchCriteria criteria) {
    return core.search(scope, "shipments", criteria, RecordShape.SHIPMENT);
  }

  /** A streaming search over {@code GET /V1/invoices}. */
  public MagentoPager invoices(StoreScope scope, SearchCriteria criteria) {
    return core.search(scope, "invoices", criteria, RecordShape.INVOICE);
  }

  /** A streaming search over {@code GET /V1/creditmemos}. */
  public MagentoPager creditMemos(StoreScope scope, SearchCriteria criteria) {
    return core.search(scope, "creditmemos", criteria, RecordShape.CREDIT_MEMO);
  }

  /** Credit memos changed after {@code (updatedAt, afterEntityId)}, oldest first (keyset paging). */
  public MagentoPager creditMemosChangedSince(StoreScope scope, String updatedAt, String afterEntityId) {
    return core.changedSince(scope, "creditmemos", RecordShape.CREDIT_MEMO, updatedAt, afterEntityId,
        List.of());
  }

  /** {@code GET /V1/creditmemo/{id}}. */
  public MagentoRecord creditMemo(StoreScope scope, long entityId) {
    JsonNode node = core.http.call("GET", MagentoHttp.path(scope, "creditmemo", String.valueOf(entityId)),
        null, null, "creditmemo " + entityId, JsonNode.class, "creditmemo");
    return RecordShape.CREDIT_MEMO.toRecord(node, core.codec());
  }

  /**
   * Decodes a credit memo into a canonical {@link Return}; {@code orderNumber} is the order's
   * {@code increment_id} (a credit memo only carries {@code order_id}).
   */
  public Return decodeCreditMemo(MagentoRecord record, String orderNumber) {
    SalesDocumentDto dto = core.codec().read(record.json(), SalesDocumentDto.class, "creditmemo");
    return creditMemos.toReturn(dto, orderNumber, core.baseCurrency);
  }

  /** The tracking numbers of every shipment of order {@code orderId}, by shipment id. */
  public List<DocumentSummary> shipmentTracks(StoreScope scope, long orderId) {
    List<DocumentSummary> out = new ArrayList<>();
    try (MagentoPager pager = shipments(scope, SearchCriteria.builder()
        .where("order_id", SearchCriteria.Condition.EQ, String.valueOf(orderId)).build())) {
      while (pager.hasNext()) {
        MagentoRecord r = pager.next();
        SalesDocumentDto dto = core.codec().read(r.json(), SalesDocumentDto.class, "shipment");
        List<String> numbers = new ArrayList<>();
        if (dto.tracks() != null) {
          dto.tracks().forEach(t -> numbers.add(t.trackNumber()));
        }
        List<String> comments = new ArrayList<>();
        if (dto.comments() != null) {
          dto.comments().forEach(c -> comments.add(c.comment()));
        }
        out.add(new DocumentSummary(Long.parseLong(r.id()), numbers, comments));
      }
    }
    return out;
  }

  /** The comments of every invoice of order {@code orderId}, by invoice id. */
  public List<DocumentSummary> invoiceComments(StoreScope scope, long orderId) {
    List<DocumentSummary> out = new ArrayList<>();
    try (MagentoPager pager = invoices(scope, SearchCriteria.builder()
        .where("order_id", SearchCriteria.Condition.EQ, String.valueOf(orderId)).build())) {
      while (pager.hasNext()) {
        MagentoRecord r = pager.next();
        SalesDocumentDto dto = core.codec().read(r.json(), SalesDocumentDto.class, "invoice");
        List<String> comments = new ArrayList<>();
        if (dto.comments() != null) {
          dto.comments().forEach(c -> comments.add(c.comment()));
        }
        out.add(new DocumentSummary(Long.parseLong(r.id()), List.of(), comments));
      }
    }
    return out;
  }

  /**
   * A sales document's tracking numbers and comments.
   *
   * @param documentId the shipment's or invoice's {@code entity_id}
   * @param trackNumbers {@code tracks[].track_number} (shipments)
   * @param comments {@code comments[].comment}
   */
  public record DocumentSummary(long documentId, List<String> trackNumbers, List<String> comments) {
    public DocumentSummary {
      trackNumbers = List.copyOf(trackNumbers.stream().filter(java.util.Objects::nonNull).toList());
      comments = List.copyOf(comments.stream().filter(java.util.Objects::nonNull).toList());
    }
  }
}
