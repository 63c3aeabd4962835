package dk.eojxds.repository.retrieve;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.DOMImplementation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses a SOAP message into a DOM with the StAX parser on the classpath (Woodstox, several times
 * faster than the JDK's DOM parser for these small messages), keeping what an XML signature
 * covers: elements, attributes, namespace declarations where they were declared, and text.
 * A DTD is refused outright, so no entity is ever expanded or fetched; depth, attribute count
 * and element count are capped.
 */
final class StaxDom {

    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private final XMLInputFactory stax = XMLInputFactory.newFactory();
    // documents are made by the DOM implementation directly: a new DocumentBuilder per request
    // costs more than parsing a whole DGWS request
    private final DOMImplementation dom;

    StaxDom() {
        stax.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        stax.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        stax.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        stax.setProperty(XMLInputFactory.IS_COALESCING, true);
        limit("com.ctc.wstx.maxElementDepth", 100);
        limit("com.ctc.wstx.maxAttributesPerElement", 100);
        limit("com.ctc.wstx.maxElementCount", 100_000);
        limit("com.ctc.wstx.maxTextLength", 1024 * 1024);
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            dom = factory.newDocumentBuilder().getDOMImplementation();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private void limit(String property, int value) {
        if (stax.isPropertySupported(property)) {
            stax.setProperty(property, value);
        }
    }

    Element parse(byte[] xml) {
        XMLStreamReader reader = null;
        try {
            reader = stax.createXMLStreamReader(new ByteArrayInputStream(xml));
            Document document = dom.createDocument(null, null, null);
            Node current = document;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> current = current.appendChild(element(document, reader));
                    case XMLStreamConstants.END_ELEMENT -> current = current.getParentNode();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (current != document) {
                            current.appendChild(document.createTextNode(reader.getText()));
                        }
                    }
                    case XMLStreamConstants.DTD -> throw SoapFault.sender(null, "a DTD is not allowed in a request");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                            throw SoapFault.sender(null, "entity references are not allowed in a request");
                    default -> {
                        // comments and processing instructions are not part of what is read or signed
                    }
                }
            }
            Element root = document.getDocumentElement();
            if (root == null) {
                throw SoapFault.sender(null, "the request has no XML document");
            }
            return root;
        } catch (XMLStreamException e) {
            throw SoapFault.sender(null, "the request is not acceptable XML: " + e.getMessage());
        } finally {
            close(reader);
        }
    }

    private static Element element(Document document, XMLStreamReader reader) {
        Element element = document.createElementNS(emptyToNull(reader.getNamespaceURI()),
                qualified(reader.getPrefix(), reader.getLocalName()));
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String prefix = reader.getNamespacePrefix(i);
            element.setAttributeNS(XMLNS, prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix,
                    reader.getNamespaceURI(i));
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            element.setAttributeNS(emptyToNull(reader.getAttributeNamespace(i)),
                    qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                    reader.getAttributeValue(i));
        }
        return element;
    }

    private static String qualified(String prefix, String localName) {
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static String emptyToNull(String namespace) {
        return namespace == null || namespace.isEmpty() ? null : namespace;
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing held open: the input is a byte array
            }
        }
    }

}
