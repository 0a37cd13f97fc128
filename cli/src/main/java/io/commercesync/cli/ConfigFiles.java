package io.commercesync.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.commercesync.core.error.ConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Reads a configuration file, YAML ({@code .yaml}, {@code .yml}) or JSON, into a document. */
final class ConfigFiles {

  private ConfigFiles() {}

  static Map<String, Object> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw ConfigurationException.of("--config", "no such file: " + file);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? new ObjectMapper(new YAMLFactory())
        : new ObjectMapper();
    try {
      Map<String, Object> document = mapper.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {});
      if (document == null) {
        throw ConfigurationException.of("--config", file + " is empty");
      }
      return document;
    } catch (IOException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
      throw ConfigurationException.of("--config", "cannot read " + file + ": " + message, null);
    }
  }
}
