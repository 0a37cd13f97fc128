package io.commercesync.core.codec;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

/**
 * The one place that builds XML parsers. Every factory it returns refuses DTDs and external entities,
 * so XXE file reads, external DTD fetches and entity-expansion bombs ("billion laughs") fail instead of
 * being processed.
 *
 * <p>{@link #inputFactory()} uses whatever StAX implementation is on the class path (the JDK's, or a
 * faster one such as Woodstox when a connector adds it); the hardening is applied either way.
 */
public final class SafeXml {

  private SafeXml() {}

  /** A new StAX input factory with DTDs, external entities and entity replacement disabled. */
  public static XMLInputFactory inputFactory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    harden(factory);
    return factory;
  }

  /** Applies the hardening to an existing StAX factory (e.g. a specific implementation). */
  public static XMLInputFactory harden(XMLInputFactory factory) {
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
    setIfSupported(factory, XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  /** A new StAX output factory. */
  public static XMLOutputFactory outputFactory() {
    return XMLOutputFactory.newFactory();
  }

  /**
   * A DOM parser factory that refuses any DOCTYPE, external entity, XInclude and external
   * DTD/schema access; namespace aware.
   */
  public static DocumentBuilderFactory documentBuilderFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the XML parser cannot be hardened: " + e.getMessage(), e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(true);
    return factory;
  }

  private static void setIfSupported(XMLInputFactory factory, String name, Object value) {
    try {
      factory.setProperty(name, value);
    } catch (IllegalArgumentException notSupported) {
      // implementation without this property: the SUPPORT_DTD switch above already covers it
    }
  }
}
