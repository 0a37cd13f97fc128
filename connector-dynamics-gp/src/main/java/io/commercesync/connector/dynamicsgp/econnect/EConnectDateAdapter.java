package io.commercesync.connector.dynamicsgp.econnect;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/**
 * eConnect {@code datetime} elements as dates: written {@code 2024-03-14}, read from {@code 2024-03-14} or
 * {@code 2024-03-14T00:00:00} (the .NET serializer's form). GP keeps no time of day on document dates.
 */
public final class EConnectDateAdapter extends XmlAdapter<String, LocalDate> {

  @Override
  public LocalDate unmarshal(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.trim();
    try {
      return value.length() > 10 ? LocalDateTime.parse(value).toLocalDate() : LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an ISO date: " + value, e);
    }
  }

  @Override
  public String marshal(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
