package dk.eojxds.dgws;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespace-aware DOM parsing with DTDs refused (no entity is ever expanded or fetched), and serialising. */
public final class SecureXml {

    private SecureXml() {
    }

    // a factory lookup (service loader) per document is measurable on every hot path that parses
    // XML; factories are not thread-safe, so one per thread
    private static final ThreadLocal<DocumentBuilderFactory> FACTORY = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    public static DocumentBuilder builder() {
        try {
            return FACTORY.get().newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final ThreadLocal<javax.xml.parsers.SAXParserFactory> SAX = ThreadLocal.withInitial(() -> {
        try {
            javax.xml.parsers.SAXParserFactory factory = javax.xml.parsers.SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setXIncludeAware(false);
            return factory;
        } catch (ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    });

    /** A namespace-aware SAX reader with the same protections, for building other trees (Saxon's). */
    public static org.xml.sax.XMLReader reader() {
        try {
            return SAX.get().newSAXParser().getXMLReader();
        } catch (ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    // making a builder costs more than parsing a small SOAP answer; a builder is reusable after reset()
    private static final ThreadLocal<DocumentBuilder> PARSER = ThreadLocal.withInitial(SecureXml::builder);

    /** An empty document to build in (this thread's builder; no factory lookup). */
    public static Document newDocument() {
        return PARSER.get().newDocument();
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilder parser = PARSER.get();
            parser.reset();
            return parser.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** Appends a new element (with text, unless null) to {@code parent} and answers it. */
    public static Element append(Element parent, String namespace, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(namespace, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }

    private static final ThreadLocal<TransformerFactory> TRANSFORMERS = ThreadLocal.withInitial(TransformerFactory::newInstance);

    public static String serialise(Node node) {
        try {
            var transformer = TRANSFORMERS.get().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise XML", e);
        }
    }
}
