package io.commercesync.connector.dynamicsgp.econnect;

import io.commercesync.core.codec.SafeXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The GP samples (copied from shared/samples/dynamics-gp; {@code rm-apply.xml} and {@code rm-credit-memo.xml} are
 * the connector's own, see their comments) and a DOM view for comparing documents.
 */
public final class Samples {

  public static final List<String> DOCUMENTS =
      List.of("sop-order.xml", "customer.xml", "cash-receipt.xml", "gl-entry.xml", "item.xml", "sop-tracking.xml",
          "rm-apply.xml", "rm-credit-memo.xml");

  private Samples() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/dynamics-gp/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String name) {
    return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
  }

  public static EConnect document(String name) {
    return EConnectCodec.shared().read(bytes(name));
  }

  public static Document dom(byte[] xml) {
    try {
      return SafeXml.documentBuilderFactory().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every leaf element as {@code /eConnect/.../NAME=text}, in document order. */
  public static List<String> leaves(byte[] xml) {
    List<String> out = new ArrayList<>();
    walk(dom(xml).getDocumentElement(), "", out);
    return out;
  }

  private static void walk(Element e, String parent, List<String> out) {
    String path = parent + "/" + e.getTagName();
    boolean leaf = true;
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        leaf = false;
        walk(child, path, out);
      }
    }
    if (leaf) {
      out.add(path + "=" + e.getTextContent().trim());
    }
  }
}
