package io.commercesync.core.pipeline;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A source over records in memory: record i has key {@code k<i>} (or a given key), payload
 * {@code {"key":..,"value":..}} and cursor {@code i}. A payload {@code "bad"} fails to decode.
 */
final class ListSource implements Source<ListSource.Item> {

  record Item(String key, String value) {}

  private final List<RawRecord> records = new ArrayList<>();
  volatile int reads;

  ListSource add(String key, String value) {
    int i = records.size();
    byte[] payload = value.equals("bad") ? "{\"key\":".getBytes(StandardCharsets.UTF_8)
        : ("{\"key\":\"" + key + "\",\"value\":\"" + value + "\"}").getBytes(StandardCharsets.UTF_8);
    records.add(RawRecord.json(key, Cursor.of(String.format("%09d", i)), "item", payload));
    return this;
  }

  static ListSource of(int n) {
    ListSource s = new ListSource();
    for (int i = 0; i < n; i++) {
      s.add("k" + i, "v" + i);
    }
    return s;
  }

  @Override
  public SystemId system() {
    return SystemId.of("test-source");
  }

  @Override
  public String name() {
    return "test:items";
  }

  @Override
  public RecordStream read(Cursor from) {
    reads++;
    List<RawRecord> after = records.stream()
        .filter(r -> from.isStart() || r.position().value().compareTo(from.value()) > 0).toList();
    return RecordStream.of(after);
  }

  @Override
  public Item decode(RawRecord record) {
    String json = new String(record.payload(), StandardCharsets.UTF_8);
    if (!json.endsWith("}")) {
      throw InvalidRecordException.of(system(), "item", record.key(),
          FieldViolation.of("(document)", FieldViolation.RULE_SYNTAX, null, "truncated"));
    }
    String value = json.substring(json.indexOf("\"value\":\"") + 9, json.length() - 2);
    return new Item(record.key(), value);
  }

  @Override
  public Optional<RawRecord> fetch(String key) {
    return records.stream().filter(r -> r.key().equals(key)).reduce((a, b) -> b);
  }
}
