package io.commercesync.core.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registry of every {@link PayloadMapping} on the class path.
 *
 * <pre>{@code
 * PayloadMappings registry = PayloadMappings.discover();
 * String json = registry.find("magento", "canonical", "order").orElseThrow()
 *     .converter().convert(bytes, Map.of());
 * }</pre>
 *
 * <p>System names may be given by id ({@code dynamics-gp}) or by alias ({@code gp}, {@code sl}).
 * Immutable and thread-safe.
 */
public final class PayloadMappings {

  /** Short names accepted for system ids. */
  public static final Map<String, String> ALIASES =
      Map.of("gp", "dynamics-gp", "sl", "dynamics-sl", "cef", "clarity");

  private final List<PayloadMapping> mappings;

  private PayloadMappings(List<PayloadMapping> mappings) {
    List<PayloadMapping> sorted = new ArrayList<>(mappings);
    sorted.sort(Comparator.comparing(PayloadMapping::label));
    this.mappings = List.copyOf(sorted);
  }

  /** Every mapping contributed through {@link PayloadMappingProvider} on the class path. */
  public static PayloadMappings discover() {
    List<PayloadMapping> all = new ArrayList<>();
    for (PayloadMappingProvider provider : ServiceLoader.load(PayloadMappingProvider.class)) {
      all.addAll(provider.mappings());
    }
    return new PayloadMappings(all);
  }

  /** A registry of exactly {@code mappings}. */
  public static PayloadMappings of(List<PayloadMapping> mappings) {
    return new PayloadMappings(mappings);
  }

  /** All mappings, sorted by label. */
  public List<PayloadMapping> all() {
    return mappings;
  }

  /** The mapping from {@code from} to {@code to} for {@code entity}, names or aliases accepted. */
  public Optional<PayloadMapping> find(String from, String to, String entity) {
    String f = normalise(from);
    String t = normalise(to);
    String e = entity.toLowerCase(Locale.ROOT);
    return mappings.stream()
        .filter(m -> m.from().equals(f) && m.to().equals(t) && m.entity().equals(e))
        .findFirst();
  }

  /** The system id for a name or alias: {@code gp} → {@code dynamics-gp}. */
  public static String normalise(String system) {
    String lower = system.toLowerCase(Locale.ROOT).trim();
    return ALIASES.getOrDefault(lower, lower);
  }
}
