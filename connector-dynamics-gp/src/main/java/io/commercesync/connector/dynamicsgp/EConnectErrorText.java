package io.commercesync.connector.dynamicsgp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the text the eConnect .NET layer puts in its exception message (reference §4, samples
 * {@code econnect-error.txt}):
 *
 * <pre>
 * Sql procedure error codes returned:
 * Error Number = 598  Stored Procedure= taSopLineIvcInsert  Error Description = The Customer Number …
 * Node Identifier Parameters: taSopLineIvcInsert
 * SOPNUMBE = WEB100045872
 * SOPTYPE = 2
 * Related Error Code Parameters for Node : taSopLineIvcInsert
 * CUSTNMBR = WEBMGARCIA0007
 *
 * &lt;taSopLineIvcInsert&gt;…the failing node echoed…
 * </pre>
 *
 * <p>Line breaks vary (the sample mixes {@code \n\r} and {@code \r\n}); several {@code Error Number} lines
 * may appear; the parameter blocks attach to the errors of the procedure they name. The node XML echo is
 * ignored: it may carry personal data.
 *
 * <pre>{@code
 * List<EConnectError> errors = EConnectErrorText.parse(text);
 * String text = EConnectErrorText.render(errors);
 * }</pre>
 */
public final class EConnectErrorText {

  private static final Pattern ERROR = Pattern.compile(
      "Error Number\\s*=\\s*(\\d+)\\s+Stored Procedure\\s*=\\s*(\\S+)\\s+Error Description\\s*=\\s*(.*)");
  private static final Pattern NODE = Pattern.compile("Node Identifier Parameters\\s*:\\s*(\\S+)\\s*");
  private static final Pattern RELATED = Pattern.compile("Related Error Code Parameters for Node\\s*:\\s*(\\S+)\\s*");
  private static final Pattern PARAM = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s?(.*)");
  private static final String HEADER = "Sql procedure error codes returned:";

  private EConnectErrorText() {}

  /** The errors in {@code text}; empty when it holds no {@code Error Number} line. */
  public static List<EConnectError> parse(String text) {
    List<Draft> drafts = new ArrayList<>();
    List<Draft> pending = new ArrayList<>();
    if (text == null) {
      return List.of();
    }
    String[] lines = text.split("\\r\\n|\\n\\r|\\r|\\n");
    Map<String, String> block = null;
    String blockProcedure = null;
    boolean sawBlock = false;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("<")) {
        // the node echo: the error blocks are over
        block = null;
        continue;
      }
      Matcher m = ERROR.matcher(line);
      if (m.find()) {
        if (sawBlock) {
          pending.clear();
          sawBlock = false;
        }
        block = null;
        Draft d = new Draft(Integer.parseInt(m.group(1)), m.group(2), m.group(3).strip());
        drafts.add(d);
        pending.add(d);
        continue;
      }
      Matcher node = NODE.matcher(line);
      if (node.matches()) {
        blockProcedure = node.group(1);
        block = new LinkedHashMap<>();
        sawBlock = true;
        attach(pending, blockProcedure, block, false);
        continue;
      }
      Matcher rel = RELATED.matcher(line);
      if (rel.matches()) {
        blockProcedure = rel.group(1);
        block = new LinkedHashMap<>();
        sawBlock = true;
        attach(pending, blockProcedure, block, true);
        continue;
      }
      Matcher p = PARAM.matcher(line);
      if (block != null && p.matches()) {
        block.put(p.group(1), p.group(2).strip());
      }
    }
    List<EConnectError> out = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      out.add(EConnectError.of(d.number, d.procedure, d.description, d.keys, d.related));
    }
    return List.copyOf(out);
  }

  private static void attach(List<Draft> pending, String procedure, Map<String, String> block, boolean related) {
    boolean any = pending.stream().anyMatch(d -> d.procedure.equalsIgnoreCase(procedure));
    for (Draft d : pending) {
      if (!any || d.procedure.equalsIgnoreCase(procedure)) {
        if (related) {
          d.related = block;
        } else {
          d.keys = block;
        }
      }
    }
  }

  /**
   * The text eConnect would report for {@code errors} (CRLF line breaks, without the node echo): what the
   * agent answers when it executed a document through JDBC.
   */
  public static String render(List<EConnectError> errors) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (EConnectError e : errors) {
      out.append("Error Number = ").append(e.number()).append("  Stored Procedure= ").append(e.procedure())
          .append("  Error Description = ").append(e.description()).append("\r\n");
      if (!e.keyFields().isEmpty()) {
        out.append("Node Identifier Parameters: ").append(e.procedure()).append("\r\n");
        e.keyFields().forEach((k, v) -> out.append(k).append(" = ").append(v).append("\r\n"));
      }
      if (!e.relatedFields().isEmpty()) {
        out.append("Related Error Code Parameters for Node : ").append(e.procedure()).append("\r\n");
        e.relatedFields().forEach((k, v) -> out.append(k).append(" = ").append(v).append("\r\n"));
      }
    }
    return out.toString();
  }

  private static final class Draft {
    final int number;
    final String procedure;
    final String description;
    Map<String, String> keys = Map.of();
    Map<String, String> related = Map.of();

    Draft(int number, String procedure, String description) {
      this.number = number;
      this.procedure = procedure;
      this.description = description;
    }
  }
}
