package dk.eojxds.repository.conformance;

import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs a profile's rules over a parsed CDA document. The XPath expressions are compiled once per
 * thread (JDK XPath objects are not thread-safe), so checking every document costs little.
 */
public final class ConformanceChecker {

    static final String HL7 = "urn:hl7-org:v3";

    private final List<Rule> rules;
    private final ThreadLocal<List<XPathExpression[]>> compiled;

    public ConformanceChecker(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        this.compiled = ThreadLocal.withInitial(this::compile);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Violation> check(Document document) {
        List<Violation> violations = new ArrayList<>();
        List<XPathExpression[]> expressions = compiled.get();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            XPathExpression[] pair = expressions.get(i);
            try {
                NodeList contexts = (NodeList) pair[0].evaluate(document, XPathConstants.NODESET);
                for (int n = 0; n < contexts.getLength(); n++) {
                    Node node = contexts.item(n);
                    boolean holds = rule.predicate() != null ? rule.predicate().test(node)
                            : (Boolean) pair[1].evaluate(node, XPathConstants.BOOLEAN);
                    if (!holds) {
                        violations.add(new Violation(rule.id(), rule.statement(), path(node)));
                    }
                }
            } catch (XPathExpressionException e) {
                throw new IllegalStateException("rule " + rule.id() + " cannot be evaluated", e);
            }
        }
        return violations;
    }

    private static final ThreadLocal<XPath> XPATH = ThreadLocal.withInitial(() -> {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            public String getNamespaceURI(String prefix) {
                return "h".equals(prefix) ? HL7
                        : "xsi".equals(prefix) ? XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI : XMLConstants.NULL_NS_URI;
            }

            public String getPrefix(String uri) {
                return null;
            }

            public java.util.Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return xpath;
    });

    /**
     * This thread's XPath with the prefixes rules use ({@code h} HL7 V3, {@code xsi}): one factory
     * lookup per thread, not per document.
     */
    public static XPath xpath() {
        return XPATH.get();
    }

    private List<XPathExpression[]> compile() {
        XPath xpath = xpath();
        List<XPathExpression[]> expressions = new ArrayList<>();
        for (Rule rule : rules) {
            try {
                expressions.add(new XPathExpression[] {xpath.compile(rule.context()),
                        rule.test() == null ? null : xpath.compile(rule.test())});
            } catch (XPathExpressionException e) {
                throw new IllegalStateException("rule " + rule.id() + " does not compile", e);
            }
        }
        return expressions;
    }

    private static String path(Node node) {
        StringBuilder path = new StringBuilder();
        for (Node n = node; n != null && n.getNodeType() == Node.ELEMENT_NODE; n = n.getParentNode()) {
            int index = 1;
            for (Node s = n.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
                if (s.getNodeType() == Node.ELEMENT_NODE && s.getLocalName().equals(n.getLocalName())) {
                    index++;
                }
            }
            path.insert(0, "/" + ((Element) n).getLocalName() + (index > 1 ? "[" + index + "]" : ""));
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
