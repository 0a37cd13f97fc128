package io.commercesync.connector.dynamicsgp.internal.dto;

import java.util.List;
import java.util.Map;

/** The agent protocol's JSON bodies. */
public final class AgentDtos {

  private AgentDtos() {}

  /** One transaction's outcome; {@code errorText} is eConnect's error text when it failed. */
  public record TransactionDto(String key, String type, String documentKey, String status, String errorText) {}

  /** The answer to {@code POST /v1/companies/{company}/documents}. */
  public record SubmitResponse(String documentKey, List<TransactionDto> transactions) {}

  /** {@code POST /v1/companies/{company}/queries/{name}}. */
  public record QueryRequest(Map<String, Object> params) {}

  /** Rows, column name to value. */
  public record QueryResponse(List<Map<String, Object>> rows) {}

  /** {@code POST /v1/companies/{company}/journal-entries/next}. */
  public record JournalEntryResponse(int jrnentry) {}

  /** A refusal: {@code error} is a stable code (bad-signature, stale-timestamp, replayed-nonce, conflict…). */
  public record ErrorResponse(String error, String message) {}
}
