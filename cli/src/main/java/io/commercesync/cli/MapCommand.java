package io.commercesync.cli;

import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.mapping.PayloadMapping;
import io.commercesync.core.mapping.PayloadMappings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code commercesync map --from SYSTEM [--to SYSTEM] --entity ENTITY FILE}: runs one payload mapping
 * and prints the result, or one line per violation ({@code <path>: <message>}) on stderr with exit 2.
 *
 * <p>The mappings come from {@link PayloadMappings#discover()}: each connector on the class path adds
 * its own, so {@code --from magento} or {@code --to gp} work as soon as that connector is present.
 */
@Command(
    name = "map",
    description = {
      "Maps a payload between a system's format and the canonical model and prints the result.",
      "Prints one line per violation (<path>: <message>) and exits 2 on invalid input."
    },
    mixinStandardHelpOptions = true)
final class MapCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", description = "Source format: canonical, magento, clarity, gp, sl.",
      defaultValue = "canonical")
  String from;

  @Option(names = "--to", description = "Target format (default: canonical).", defaultValue = "canonical")
  String to;

  @Option(names = "--entity", description = "Entity: order, customer, product, inventory, ...")
  String entity;

  @Option(names = "--dialect", description = "Wire dialect where a system has several (e.g. native, v1).")
  String dialect;

  @Option(names = "--option", description = "Extra mapping option, KEY=VALUE (repeatable).")
  Map<String, String> extra = new LinkedHashMap<>();

  @Option(names = "--list", description = "List every available mapping and exit.")
  boolean list;

  @Parameters(arity = "0..1", paramLabel = "FILE", description = "The payload file.")
  Path file;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    PayloadMappings registry = PayloadMappings.discover();
    if (list) {
      registry.all().forEach(m -> out.println(m.label() + "  " + m.description()));
      return ExitCode.OK;
    }
    if (entity == null || file == null) {
      err.println("map: --entity and FILE are required (see map --list for what is available)");
      return ExitCode.INVALID_INPUT;
    }
    PayloadMapping mapping = registry.find(from, to, entity).orElse(null);
    if (mapping == null) {
      err.println("map: no mapping from " + from + " to " + to + " for entity " + entity
          + "; available:");
      registry.all().forEach(m -> err.println("  " + m.label()));
      return ExitCode.INVALID_INPUT;
    }
    byte[] input;
    try {
      input = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      err.println("map: no such file: " + file);
      return ExitCode.INVALID_INPUT;
    } catch (IOException e) {
      err.println("map: cannot read " + file + ": " + e.getMessage());
      return ExitCode.FAILURE;
    }
    Map<String, String> options = new LinkedHashMap<>(extra);
    if (dialect != null) {
      options.put("dialect", dialect);
    }
    try {
      out.println(mapping.converter().convert(input, Map.copyOf(options)));
      return ExitCode.OK;
    } catch (InvalidRecordException e) {
      e.violations().forEach(v -> err.println(v));
      return ExitCode.INVALID_INPUT;
    }
  }
}
