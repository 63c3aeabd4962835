package dk.eojxds.dgws;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Finding child elements in a DOM by namespace and local name (SOAP headers, ID cards). */
public final class XmlElements {

    private XmlElements() {
    }

    /**
     * The first child element of {@code parent} with this name, or null (also when parent is null);
     * a null namespace is an unqualified element (SOAP 1.1 fault parts).
     */
    public static Element child(Element parent, String namespace, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && java.util.Objects.equals(namespace, element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    /**
     * Every child element of {@code parent} with this name, in order (none when parent is null):
     * for the places where a second one must be refused (a second card, signature or header).
     */
    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && java.util.Objects.equals(namespace, element.getNamespaceURI())
                    && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }
}
