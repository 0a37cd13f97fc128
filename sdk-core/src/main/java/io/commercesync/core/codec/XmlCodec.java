package io.commercesync.core.codec;

import io.commercesync.core.error.FieldViolation;
import io.commercesync.core.error.InvalidRecordException;
import io.commercesync.core.model.SystemId;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Reads and writes one system's XML documents with JAXB, safely and fast: the {@link JAXBContext} is
 * built once per codec (building it is the expensive part), parsing goes through a hardened StAX
 * factory ({@link SafeXml}) that refuses DTDs and external entities, and a document that does not
 * decode is an {@link InvalidRecordException} naming the element path of the failure
 * ({@code /eConnect/SOPTransactionType/taSopHdrIvcInsert/DOCAMNT}).
 *
 * <pre>{@code
 * XmlCodec econnect = XmlCodec.of(SystemId.DYNAMICS_GP, EConnect.class);
 * EConnect doc = econnect.read(bytes, EConnect.class, "eConnect document");
 * byte[] xml = econnect.write(doc);
 * }</pre>
 *
 * <p>Immutable and thread-safe; build one per set of document classes and share it.
 */
public final class XmlCodec {

  private final SystemId system;
  private final JAXBContext context;
  private final XMLInputFactory inputFactory;
  private final boolean formatted;

  private XmlCodec(SystemId system, JAXBContext context, XMLInputFactory inputFactory, boolean formatted) {
    this.system = system;
    this.context = context;
    this.inputFactory = inputFactory;
    this.formatted = formatted;
  }

  /** A codec for documents whose root classes are {@code types}, with the hardened default StAX factory. */
  public static XmlCodec of(SystemId system, Class<?>... types) {
    return of(system, SafeXml.inputFactory(), types);
  }

  /**
   * A codec using a specific StAX input factory (e.g. Woodstox for speed); it is hardened before use.
   */
  public static XmlCodec of(SystemId system, XMLInputFactory inputFactory, Class<?>... types) {
    Objects.requireNonNull(system, "system");
    try {
      JAXBContext context = JAXBContext.newInstance(types);
      return new XmlCodec(system, context, SafeXml.harden(inputFactory), false);
    } catch (JAXBException e) {
      throw new IllegalStateException("cannot build a JAXB context for " + java.util.Arrays.toString(types), e);
    }
  }

  /** The same codec, writing indented XML. */
  public XmlCodec formatted() {
    return new XmlCodec(system, context, inputFactory, true);
  }

  /**
   * Decodes a {@code type} document.
   *
   * @param entity what the document is, for error messages
   * @throws InvalidRecordException if the XML is malformed, uses a DTD or entity, or does not fit
   */
  public <T> T read(byte[] xml, Class<T> type, String entity) {
    Objects.requireNonNull(xml, "xml");
    PathTrackingReader reader = null;
    String[] firstProblem = new String[2];
    try {
      reader = new PathTrackingReader(inputFactory.createXMLStreamReader(new ByteArrayInputStream(xml)));
      Unmarshaller unmarshaller = context.createUnmarshaller();
      PathTrackingReader tracked = reader;
      unmarshaller.setEventHandler(
          event -> {
            if (firstProblem[0] == null) {
              firstProblem[0] = tracked.lastStarted();
              firstProblem[1] = event.getMessage();
            }
            return event.getSeverity() == ValidationEvent.WARNING;
          });
      JAXBElement<T> element = unmarshaller.unmarshal(reader, type);
      if (firstProblem[0] != null) {
        throw invalid(entity, firstProblem[0], FieldViolation.RULE_TYPE, firstProblem[1]);
      }
      return element.getValue();
    } catch (JAXBException e) {
      String path = reader != null ? reader.path() : "/";
      Throwable root = e.getLinkedException() != null ? e.getLinkedException() : e.getCause();
      if (root instanceof DoctypeRefused refused) {
        throw invalid(entity, "/", FieldViolation.RULE_FORMAT, refused.getMessage());
      }
      if (firstProblem[0] != null) {
        throw invalid(entity, firstProblem[0], FieldViolation.RULE_TYPE, firstProblem[1]);
      }
      String message = root != null ? root.getMessage() : e.getMessage();
      throw invalid(entity, path, FieldViolation.RULE_SYNTAX, message);
    } catch (XMLStreamException e) {
      throw invalid(entity, reader != null ? reader.path() : "/", FieldViolation.RULE_SYNTAX, e.getMessage());
    } catch (DoctypeRefused e) {
      throw invalid(entity, "/", FieldViolation.RULE_FORMAT, e.getMessage());
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing left to release
        }
      }
    }
  }

  /** Encodes {@code document} as UTF-8 XML with an XML declaration. */
  public byte[] write(Object document) {
    try {
      Marshaller marshaller = context.createMarshaller();
      marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
      marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, formatted);
      ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
      marshaller.marshal(document, out);
      return out.toByteArray();
    } catch (JAXBException e) {
      throw new IllegalStateException(system + ": cannot encode " + document.getClass().getSimpleName(), e);
    }
  }

  private InvalidRecordException invalid(String entity, String path, String rule, String message) {
    String text = message == null ? "malformed XML" : firstLine(message);
    return InvalidRecordException.of(system, entity, null, FieldViolation.of(path, rule, null, text));
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    String line = newline > 0 ? message.substring(0, newline) : message;
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Refuses DOCTYPE declarations and tracks the element path for error messages. */
  private static final class PathTrackingReader extends StreamReaderDelegate {
    private final Deque<String> stack = new ArrayDeque<>();
    private String lastStarted = "/";

    PathTrackingReader(XMLStreamReader reader) throws XMLStreamException {
      super(reader);
      check(reader.getEventType());
    }

    @Override
    public int next() throws XMLStreamException {
      int event = super.next();
      check(event);
      return event;
    }

    @Override
    public int nextTag() throws XMLStreamException {
      int event = super.nextTag();
      check(event);
      return event;
    }

    private void check(int event) {
      switch (event) {
        case XMLStreamConstants.DTD ->
            throw new DoctypeRefused("DOCTYPE declarations are not allowed (DTDs and entities are refused)");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new DoctypeRefused("entity references are not allowed: &" + getLocalName() + ";");
        case XMLStreamConstants.START_ELEMENT -> {
          stack.addLast(getLocalName());
          lastStarted = path();
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (!stack.isEmpty()) {
            stack.removeLast();
          }
        }
        default -> { }
      }
    }

    /** The path of the element most recently opened: where a bad leaf value sits. */
    String lastStarted() {
      return lastStarted;
    }

    String path() {
      return stack.isEmpty() ? "/" : "/" + String.join("/", stack);
    }
  }

  private static final class DoctypeRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DoctypeRefused(String message) {
      super(message, null, false, false);
    }
  }
}
