package dk.eojxds.testsupport.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An XML element's published structure, as an XSD sequence states it: the element's namespace and
 * name, how often it may occur, and either its children in order or a pattern for its text. A
 * message is checked against it element by element; anything out of order, missing, repeated too
 * often, unknown or with text outside the pattern is a violation, named by its path. Written from
 * a service's published WSDL and schemas, so a test holds our client and our stand-in to the
 * contract and not to each other.
 */
public final class ElementContract {

    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String namespace;
    private final String name;
    private final int min;
    private final int max;
    private final List<ElementContract> children;
    private final Pattern text;
    private final boolean anyContent;
    private final Map<String, Pattern> attributes;

    private ElementContract(String namespace, String name, int min, int max, List<ElementContract> children,
                            Pattern text, boolean anyContent, Map<String, Pattern> attributes) {
        this.namespace = namespace;
        this.name = name;
        this.min = min;
        this.max = max;
        this.children = List.copyOf(children);
        this.text = text;
        this.anyContent = anyContent;
        this.attributes = Map.copyOf(attributes);
    }

    /** An element with children, in this order. */
    public static ElementContract element(String namespace, String name, ElementContract... children) {
        return new ElementContract(namespace, name, 1, 1, List.of(children), null, false, Map.of());
    }

    /** An element of text only, which must match {@code pattern} (whole). */
    public static ElementContract text(String namespace, String name, String pattern) {
        return new ElementContract(namespace, name, 1, 1, List.of(), Pattern.compile(pattern, Pattern.DOTALL), false,
                Map.of());
    }

    /** An element whose content another contract governs (a signature, say): only its name is checked. */
    public static ElementContract anyContent(String namespace, String name) {
        return new ElementContract(namespace, name, 1, 1, List.of(), null, true, Map.of());
    }

    public ElementContract optional() {
        return occurs(0, max);
    }

    public ElementContract occurs(int newMin, int newMax) {
        return new ElementContract(namespace, name, newMin, newMax, children, text, anyContent, attributes);
    }

    /** A required (unqualified) attribute whose value must match {@code pattern}. */
    public ElementContract attribute(String attribute, String pattern) {
        Map<String, Pattern> more = new java.util.HashMap<>(attributes);
        more.put(attribute, Pattern.compile(pattern));
        return new ElementContract(namespace, name, min, max, children, text, anyContent, more);
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    /** What is wrong with {@code element} against this contract; empty when it conforms. */
    public List<String> violations(Element element) {
        List<String> found = new ArrayList<>();
        check(element, "/" + name, found);
        return found;
    }

    private boolean matches(Element element) {
        return name.equals(element.getLocalName()) && namespace.equals(element.getNamespaceURI());
    }

    private void check(Element element, String path, List<String> found) {
        if (!matches(element)) {
            found.add(path + ": expected {" + namespace + "}" + name + ", found {" + element.getNamespaceURI() + "}"
                    + element.getLocalName());
            return;
        }
        attributes.forEach((attribute, pattern) -> {
            if (!element.hasAttributeNS(null, attribute)) {
                found.add(path + ": attribute " + attribute + " missing");
            } else if (!pattern.matcher(element.getAttributeNS(null, attribute)).matches()) {
                found.add(path + "/@" + attribute + ": '" + element.getAttributeNS(null, attribute)
                        + "' does not match " + pattern.pattern());
            }
        });
        if (anyContent) {
            return;
        }
        List<Element> actual = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                actual.add(child);
            }
        }
        if (text != null) {
            if (!actual.isEmpty()) {
                found.add(path + ": text only, but has child elements");
            } else if (!text.matcher(element.getTextContent()).matches()) {
                found.add(path + ": '" + element.getTextContent() + "' does not match " + text.pattern());
            }
            return;
        }
        int position = 0;
        for (ElementContract expected : children) {
            int count = 0;
            while (position < actual.size() && expected.matches(actual.get(position)) && count < expected.max) {
                expected.check(actual.get(position), path + "/" + expected.name, found);
                position++;
                count++;
            }
            if (count < expected.min) {
                found.add(path + ": " + expected.name + " missing (at least " + expected.min + ")");
            }
        }
        for (; position < actual.size(); position++) {
            Element extra = actual.get(position);
            found.add(path + ": unexpected or out of order {" + extra.getNamespaceURI() + "}" + extra.getLocalName());
        }
    }
}
