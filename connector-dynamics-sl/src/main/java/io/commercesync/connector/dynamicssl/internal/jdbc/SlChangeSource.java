package io.commercesync.connector.dynamicssl.internal.jdbc;

import io.commercesync.core.error.RemoteSystemException;
import io.commercesync.core.model.SystemId;
import io.commercesync.core.pipeline.Cursor;
import io.commercesync.core.pipeline.RawRecord;
import io.commercesync.core.pipeline.RecordStream;
import io.commercesync.core.pipeline.Source;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read-only {@link Source} over one SL table (or a derived table) polled by change time: rows with
 * {@code ChangedAt} at or after the {@linkplain SlPollWindow#lowerBound window start}, oldest first,
 * keyset-paged on ({@code ChangedAt}, key columns), de-duplicated by key within a read. Each record's
 * payload is the REST layer's JSON document for the row, so {@link #decode} is the same for rows read
 * by SQL and documents fetched over HTTP.
 *
 * <p>Only {@code SELECT} statements are issued; connections come from the caller's {@link DataSource}
 * and are released after each page. A failed page is a {@link RemoteSystemException} (retryable for
 * transient SQL errors) and {@link RecordStream#hasNext()} retries the same page.
 *
 * @param <T> the canonical record
 */
public final class SlChangeSource<T> implements Source<T> {

  private static final Logger LOG = LoggerFactory.getLogger(SlChangeSource.class);

  /** Reads one row (and its children) as the JSON payload of the record. */
  @FunctionalInterface
  public interface RowReader {
    byte[] payload(Connection connection, ResultSet row) throws SQLException;
  }

  /** What to poll. */
  public record Query(
      String entity, String from, List<String> keys, String companyColumn, String filter) {
    public Query {
      keys = List.copyOf(keys);
    }
  }

  /** How to poll. */
  public record Settings(DataSource dataSource, ZoneId zone, Duration overlap, int pageSize, Clock clock) {}

  private final String name;
  private final Query query;
  private final String company;
  private final Settings settings;
  private final RowReader reader;
  private final Function<RawRecord, T> decoder;
  private final Function<String, Optional<RawRecord>> fetcher;

  public SlChangeSource(String name, Query query, String company, Settings settings, RowReader reader,
      Function<RawRecord, T> decoder, Function<String, Optional<RawRecord>> fetcher) {
    this.name = Objects.requireNonNull(name, "name");
    this.query = Objects.requireNonNull(query, "query");
    this.company = company;
    this.settings = Objects.requireNonNull(settings, "settings");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.fetcher = fetcher;
  }

  @Override
  public SystemId system() {
    return SystemId.DYNAMICS_SL;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public T decode(RawRecord record) {
    return decoder.apply(record);
  }

  @Override
  public Optional<RawRecord> fetch(String key) {
    return fetcher == null ? Optional.empty() : fetcher.apply(key);
  }

  @Override
  public RecordStream read(Cursor from) {
    SlPollWindow.Position position = SlPollWindow.Position.of(from);
    LocalDateTime lower = position == null ? LocalDate.of(1900, 1, 1).atStartOfDay()
        : SlPollWindow.lowerBound(position.changedAt(), settings.overlap(), settings.zone(), settings.clock().instant());
    LOG.debug("system=dynamics-sl source={} from={} windowStart={}", name, from, lower);
    return new Stream(lower);
  }

  /** One page of rows: the keys (raw, for the keyset) and the records. */
  private record Row(LocalDateTime changedAt, List<String> rawKeys, RawRecord record) {}

  private final class Stream implements RecordStream {
    private final LocalDateTime lower;
    private final Deque<RawRecord> buffer = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private Row last;
    private boolean exhausted;

    Stream(LocalDateTime lower) {
      this.lower = lower;
    }

    @Override
    public boolean hasNext() {
      while (buffer.isEmpty() && !exhausted) {
        List<Row> page = fetchPage();
        if (page.size() < settings.pageSize()) {
          exhausted = true;
        }
        for (Row row : page) {
          if (seen.add(row.record().key())) {
            buffer.add(row.record());
          }
        }
        if (!page.isEmpty()) {
          last = page.get(page.size() - 1);
        }
      }
      return !buffer.isEmpty();
    }

    @Override
    public RawRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return buffer.poll();
    }

    @Override
    public void close() {
      buffer.clear();
      exhausted = true;
    }

    private List<Row> fetchPage() {
      StringBuilder sql = new StringBuilder("SELECT * FROM ").append(query.from()).append(" WHERE ");
      List<Object> params = new ArrayList<>();
      if (query.companyColumn() != null) {
        sql.append(query.companyColumn()).append(" = ? AND ");
        params.add(company);
      }
      if (query.filter() != null) {
        sql.append('(').append(query.filter()).append(") AND ");
      }
      if (last == null) {
        sql.append("ChangedAt >= ?");
        params.add(lower);
      } else {
        params.add(last.changedAt());
        params.add(last.changedAt());
        List<Object> keyParams = new ArrayList<>();
        String after = keyset(query.keys(), 0, keyParams, last.rawKeys());
        sql.append("(ChangedAt > ? OR (ChangedAt = ? AND (").append(after).append(")))");
        params.addAll(keyParams);
      }
      sql.append(" ORDER BY ChangedAt");
      for (String k : query.keys()) {
        sql.append(", ").append(k);
      }
      sql.append(" OFFSET 0 ROWS FETCH NEXT ").append(settings.pageSize()).append(" ROWS ONLY");
      return run(sql.toString(), params);
    }

    private List<Row> run(String sql, List<Object> params) {
      List<Row> rows = new ArrayList<>();
      try (Connection c = settings.dataSource().getConnection()) {
        c.setReadOnly(true);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              LocalDateTime changedAt = rs.getObject("ChangedAt", LocalDateTime.class);
              List<String> rawKeys = new ArrayList<>();
              StringBuilder key = new StringBuilder();
              if (query.companyColumn() != null) {
                key.append(company.strip()).append('/');
              }
              for (int i = 0; i < query.keys().size(); i++) {
                String raw = rs.getString(query.keys().get(i));
                rawKeys.add(raw);
                key.append(i == 0 ? "" : "/").append(raw == null ? "" : raw.strip());
              }
              SlPollWindow.Position position = new SlPollWindow.Position(changedAt, key.toString());
              byte[] payload = reader.payload(c, rs);
              rows.add(new Row(changedAt, rawKeys,
                  RawRecord.json(key.toString(), position.toCursor(), query.entity(), payload)));
            }
          }
        }
      } catch (SQLException e) {
        boolean transientFailure = e instanceof SQLTransientException || e instanceof SQLRecoverableException
            || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
        throw RemoteSystemException.builder(SystemId.DYNAMICS_SL, "SELECT " + query.entity() + " changes")
            .remoteCode(e.getSQLState())
            .remoteMessage(e.getMessage())
            .retryable(transientFailure)
            .cause(e)
            .build();
      }
      return rows;
    }
  }

  /** {@code k1 > ? OR (k1 = ? AND (k2 > ? ...))}: the strict keyset after {@code values}. */
  private static String keyset(List<String> keys, int i, List<Object> params, List<String> values) {
    String k = keys.get(i);
    if (i == keys.size() - 1) {
      params.add(values.get(i));
      return k + " > ?";
    }
    params.add(values.get(i));
    params.add(values.get(i));
    return k + " > ? OR (" + k + " = ? AND (" + keyset(keys, i + 1, params, values) + "))";
  }
}
